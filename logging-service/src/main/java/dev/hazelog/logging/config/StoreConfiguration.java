package dev.hazelog.logging.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hazelog.logging.jdbc.MessageTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The database behind the map, when {@code hazelog.store.url} names one: a small pool with short timeouts, the schema
 * brought up to date by its migrations, and the table the map writes through. It outlives the member: Spring stops
 * the member first, since the member depends on the table.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${hazelog.store.url:}'.isBlank()")
class StoreConfiguration {

    private static final int CONNECT_RETRIES = 60;

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource messageDatabase(StoreProperties store) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("message-database");
        pool.setJdbcUrl(store.url());
        if (!store.user().isBlank()) {
            pool.setUsername(store.user());
            pool.setPassword(store.password());
        }
        pool.setMaximumPoolSize(store.poolSize());
        // The database cuts off a statement the service gave up on (a write waiting for a lock, say), so that it cannot
        // commit later: see MessageTable.statementLimit. Migrations are not cut off: they have connections of their
        // own.
        pool.setConnectionInitSql("SET statement_timeout = "
                + MessageTable.statementLimit(store.timeout()).toMillis());
        // None kept ready for their own sake: HikariCP refills a pool below its minimum with pauses that grow to 5 s
        // while the database is away, and the writes after its return would wait out the pause. The pool is filled
        // once at start (openConnections); after that a connection is made when a write needs one, and kept while
        // writes come (10 minutes idle).
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(store.timeout().toMillis());
        pool.setValidationTimeout(store.timeout().toMillis());
        // Start even while the database is down: writes answer 503 until it is back, then go on by themselves.
        pool.setInitializationFailTimeout(-1);
        return new HikariDataSource(pool);
    }

    @Bean
    MessageTable messageTable(HikariDataSource messageDatabase, StoreProperties store) {
        // Started beside its database, the service waits for it: one try a second, for a minute.
        Flyway.configure()
                .dataSource(store.url(), nullIfBlank(store.user()), nullIfBlank(store.password()))
                .connectRetries(CONNECT_RETRIES)
                .connectRetriesInterval(1)
                .load()
                .migrate();
        openConnections(messageDatabase, store.poolSize());
        return new MessageTable(messageDatabase, store.timeout(), store.name());
    }

    private static @Nullable String nullIfBlank(String value) {
        return value.isBlank() ? null : value;
    }

    /**
     * Opens the pool's connections before the service reports ready. On a busy machine, a JVM that has just started
     * takes longer than the store's timeout to open one (Flyway's first tries say so in the log), and a first write
     * that waited for one would be answered 503. Open, they stay while writes come, and close after 10 minutes idle.
     */
    private static void openConnections(HikariDataSource pool, int count) {
        List<Connection> open = new ArrayList<>();
        try {
            for (int tries = 0; open.size() < count && tries < CONNECT_RETRIES; tries++) {
                try {
                    open.add(pool.getConnection());
                } catch (SQLTransientConnectionException slow) {
                    // HikariCP goes on opening the connection after the wait for it ends: a next try takes it.
                }
            }
        } catch (SQLException e) {
            log.warn("Opening the database's connections failed; the first writes may be slow: {}", e.toString());
        } finally {
            open.forEach(JdbcUtils::closeConnection);
        }
    }
}
