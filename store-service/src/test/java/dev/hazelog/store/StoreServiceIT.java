package dev.hazelog.store;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.FreePorts;
import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.store.config.DatabaseCompaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class StoreServiceIT {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(int databasePort) {
        return new SpringApplicationBuilder(StoreServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--hazelog.database.port=" + databasePort,
                        "--hazelog.database.directory=" + data,
                        "--hazelog.database.compaction-interval=1h"); // the tests compact when they mean to
    }

    @Test
    void whatIsWrittenIsThereAfterARestartAndHealthSaysWhere() throws SQLException {
        int port = FreePorts.next();
        String url = "jdbc:h2:tcp://127.0.0.1:%d/hazelog".formatted(port);
        try (ConfigurableApplicationContext service = start(port);
                Connection connection = DriverManager.getConnection(url);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE kept (text VARCHAR(20))");
            sql.execute("INSERT INTO kept VALUES ('still here')");
            HttpProbe http =
                    new HttpProbe("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
            assertThat(http.get("/actuator/health")
                            .json()
                            .at("/components/database/status")
                            .asString())
                    .isEqualTo("UP");
            assertProblem(http.get("/kept"), 404);
        }

        try (ConfigurableApplicationContext ignored = start(port);
                Connection connection = DriverManager.getConnection(url);
                ResultSet rows = connection.createStatement().executeQuery("SELECT text FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void rewritesTheSparseChunksThatCommitsOfRandomIdsLeaveBehind() throws SQLException {
        int port = FreePorts.next();
        String url = "jdbc:h2:tcp://127.0.0.1:%d/hazelog;WRITE_DELAY=0".formatted(port);
        try (ConfigurableApplicationContext service = start(port);
                Connection connection = DriverManager.getConnection(url);
                Statement sql = connection.createStatement()) {
            sql.execute("SET RETENTION_TIME 1000"); // H2 keeps the chunks it rewrote for 45 s by default
            sql.execute("CREATE TABLE messages (id UUID PRIMARY KEY, text VARCHAR(200))");
            for (int commit = 0; commit < 2_000; commit++) { // as the logging services write: a few random ids each
                sql.execute("INSERT INTO messages SELECT RANDOM_UUID(), REPEAT('x', 100) FROM SYSTEM_RANGE(1, 5)");
            }
            DatabaseCompaction compaction = service.getBean(DatabaseCompaction.class);
            int before = compaction.chunksFillPercent();
            assertThat(before).as("chunks' fill before compaction").isLessThan(20);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                compaction.compact();
                assertThat(compaction.chunksFillPercent()).isGreaterThanOrEqualTo(50);
            });
        }
    }
}
