package dev.hazelog.logging;

import dev.hazelog.shared.testing.PrivatePostgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/** Retention with the messages in PostgreSQL behind the map: rows deleted, the working set evicted. */
class PostgresRetentionIT extends RetentionContract {

    private final PrivatePostgres postgres = new PrivatePostgres();

    @Override
    List<String> storeArguments() {
        return List.of("--hazelog.store.url=" + postgres.url());
    }

    /** After the services, which would otherwise stop with their database gone. */
    @AfterAll
    void stopPostgres() {
        stopCluster();
        postgres.close();
    }
}
