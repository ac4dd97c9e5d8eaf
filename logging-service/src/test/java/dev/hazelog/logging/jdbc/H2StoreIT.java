package dev.hazelog.logging.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/** The durable store on H2, in this JVM's memory: it outlives every member the test starts, as a server would. */
class H2StoreIT extends DurableStoreContract {

    private final String url = "jdbc:h2:mem:hazelog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @BeforeAll
    void start() {
        startCluster();
    }
}
