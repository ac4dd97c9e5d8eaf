package dev.hazelog.logging.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database behind the map, bound from {@code hazelog.store.*} (env {@code HAZELOG_STORE_*}).
 *
 * @param url JDBC URL of the database that holds every acknowledged message; empty keeps messages in the members'
 *     memory only, as the original system did
 * @param poolSize connections per logging service; the map writes through them from its partition threads
 * @param timeout how long a statement, or the wait for a connection, may take before the caller gets a 503
 * @param workingSet how many messages each member keeps in memory at most; the others are read from the database
 */
@ConfigurationProperties("hazelog.store")
public record StoreProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("4") int poolSize,
        @DefaultValue("1s") Duration timeout,
        @DefaultValue("100000") int workingSet) {

    public StoreProperties {
        if (poolSize < 1) {
            throw new IllegalArgumentException("hazelog.store.pool-size must be at least 1, not " + poolSize);
        }
        if (timeout.toMillis() < 250) {
            throw new IllegalArgumentException("hazelog.store.timeout must be at least 250ms, not " + timeout);
        }
        if (workingSet < 1) {
            throw new IllegalArgumentException("hazelog.store.working-set must be at least 1, not " + workingSet);
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
