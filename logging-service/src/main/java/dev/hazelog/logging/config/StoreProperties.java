package dev.hazelog.logging.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database behind the map, bound from {@code hazelog.store.*} (env {@code HAZELOG_STORE_*}).
 *
 * @param url JDBC URL of the database that holds every acknowledged message; empty keeps messages in the members'
 *     memory only, as the original system did
 * @param poolSize connections per logging service: a write takes one for a single statement, whatever its batch
 * @param timeout how long the wait for a connection and its statement may take together before the caller gets a
 *     503: under the facade's second, with room for the way there and back
 * @param workingSetHeapPercent how much of its heap (in per cent) each member's own entries of the map may take; the
 *     least recently used leave first and are read from the database when asked for. The members keep no backups of
 *     them (the table has every entry), so the memory guard's limit stays well away
 */
@ConfigurationProperties("hazelog.store")
public record StoreProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("4") int poolSize,
        @DefaultValue("600ms") Duration timeout,
        @DefaultValue("10") int workingSetHeapPercent) {

    public StoreProperties {
        if (poolSize < 1) {
            throw new IllegalArgumentException("hazelog.store.pool-size must be at least 1, not " + poolSize);
        }
        if (timeout.toMillis() < 250) {
            throw new IllegalArgumentException("hazelog.store.timeout must be at least 250ms, not " + timeout);
        }
        if (workingSetHeapPercent < 1 || workingSetHeapPercent > 40) {
            throw new IllegalArgumentException(
                    "hazelog.store.working-set-heap-percent must be 1 to 40, not " + workingSetHeapPercent);
        }
    }

    public boolean durable() {
        return !url.isBlank();
    }

    /** The URL without its parameters, which may carry credentials. */
    public String name() {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
