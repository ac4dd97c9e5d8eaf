package dev.hazelog.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.PrivatePostgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Retention with the messages in PostgreSQL behind the map: rows deleted, the working set evicted. */
class PostgresRetentionIT extends RetentionContract {

    private static final int POOL_SIZE = 3;

    private final PrivatePostgres postgres = new PrivatePostgres();

    @Override
    List<String> storeArguments() {
        return List.of("--hazelog.store.url=" + postgres.url(), "--hazelog.store.pool-size=" + POOL_SIZE);
    }

    /** After the services, which would otherwise stop with their database gone. */
    @AfterAll
    void stopPostgres() {
        stopCluster();
        postgres.close();
    }

    @Test
    @Order(0)
    void eachServiceOpenedItsConnectionsBeforeItReportedReady() {
        Integer connections = new JdbcTemplate(new DriverManagerDataSource(postgres.url()))
                .queryForObject(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
                        Integer.class);

        assertThat(connections).as("connections of the two services").isEqualTo(2 * POOL_SIZE);
    }
}
