package dev.hazelog.logging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hazelog.logging.domain.SearchTooBroadException;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.shared.testing.PrivatePostgres;
import dev.hazelog.shared.wire.MessageSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The table on the default database's PostgreSQL, without a cluster in front of it, and its backups. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageTableIT {

    private PrivatePostgres postgres;
    private DriverManagerDataSource database;
    private MessageTable table;

    @BeforeAll
    void start() {
        postgres = new PrivatePostgres();
        database = new DriverManagerDataSource(postgres.url());
        Flyway.configure().dataSource(database).load().migrate();
        table = new MessageTable(database, Duration.ofSeconds(1), "test");
    }

    @AfterAll
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void empty() {
        new JdbcTemplate(database).execute("TRUNCATE TABLE messages");
    }

    private static StoredMessage message(String id, String text, long micros) {
        return new StoredMessage(id, text, Instant.EPOCH.plusNanos(micros * 1000), "logging-1");
    }

    @Test
    void aChoreMayTakeLongerThanTheTimeoutThatStatementsAnswerWithin() {
        MessageDatabase quick = new MessageDatabase(database, Duration.ofMillis(250), "test");

        assertThat(quick.chore("SELECT COUNT(*) FROM pg_sleep(0.6)")).isOne();

        assertThatThrownBy(() -> quick.number("SELECT COUNT(*) FROM messages, pg_sleep(0.6)"))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void aRowAlreadyThereIsAnsweredWithoutAFailedStatement() {
        StoredMessage first = message(UUID.randomUUID().toString(), "first", 1);
        table.keepNew(List.of(first));

        assertThat(table.keepNew(List.of(message(first.id(), "other", 2)))).isEqualTo(Map.of(first.id(), first));
        assertThat(table.find(first.id())).isEqualTo(first);
        assertThat(postgres.log())
                .as("the database's log: a taken id is an answer, not a failed statement")
                .doesNotContain("duplicate key value");
    }

    @Test
    void keepNewKeepsTheFreshIdsInOneGoAndReturnsWhatWasKeptBefore() {
        StoredMessage before = message(UUID.randomUUID().toString(), "before", 1);
        table.keepNew(List.of(before));
        StoredMessage fresh = message(UUID.randomUUID().toString(), "fresh", 2);
        StoredMessage again = message(before.id(), "again", 3);

        assertThat(table.keepNew(List.of(fresh, again))).isEqualTo(Map.of(before.id(), before));
        assertThat(table.keepNew(List.of(message(UUID.randomUUID().toString(), "alone", 4))))
                .isEmpty();
        assertThat(table.find(fresh.id())).isEqualTo(fresh);
        assertThat(table.find(before.id())).isEqualTo(before);
    }

    @Test
    void readsComeInAcceptanceOrderWithTheIdBreakingTies() {
        List<StoredMessage> stored = List.of(
                message("00000000-0000-0000-0000-000000000002", "b", 10),
                message("00000000-0000-0000-0000-000000000001", "a", 10),
                message("00000000-0000-0000-0000-000000000003", "c", 5));
        table.keepNew(stored);

        try (var all = table.all()) {
            assertThat(all.map(StoredMessage::text)).containsExactly("c", "a", "b");
        }
        var first = table.page(null, 2, MessageSearch.EVERY_MESSAGE);
        assertThat(first.messages()).extracting(StoredMessage::text).containsExactly("c", "a");
        assertThat(first.more()).isTrue();
        var rest = table.page(UUID.fromString(first.messages().getLast().id()), 2, MessageSearch.EVERY_MESSAGE);
        assertThat(rest.messages()).extracting(StoredMessage::text).containsExactly("b");
        assertThat(rest.more()).isFalse();
        assertThat(table.latest(2)).extracting(StoredMessage::text).containsExactly("a", "b");
    }

    /**
     * 600 messages of 48 KB, 29 MB of text that PostgreSQL keeps compressed outside the table's few pages: the planner,
     * which counts no cost for reading them, would read them all for any substring (about 300 ms here). The table's
     * timeout is 200 ms, so a search may take 100.
     */
    @Test
    void aSearchUsesTheIndexAmongLongMessagesAndOneNoIndexServesIsCutShortLeavingTheDatabaseUp() {
        new JdbcTemplate(database).update("""
                INSERT INTO messages (id, message_text, accepted_at_micros, stored_by)
                SELECT gen_random_uuid()::text, repeat('lorem ipsum ', 4000), i, 'logging-1'
                FROM generate_series(1, 600) AS i""");
        StoredMessage needle = message(UUID.randomUUID().toString(), "a needle\nin the haystack", 5000);
        table.keepNew(List.of(needle));
        MessageTable impatient = new MessageTable(database, Duration.ofMillis(200), "test");

        assertThat(impatient.page(null, 10, search("NEEDLE\nin the")).messages())
                .containsExactly(needle);
        assertThatThrownBy(() -> impatient.page(null, 10, search("zq")))
                .isInstanceOf(SearchTooBroadException.class)
                .hasMessageContaining("100 ms");
        assertThat(impatient.count()).as("the database, still counted as up").isEqualTo(601);
    }

    private static MessageSearch search(String contains) {
        return new MessageSearch(contains, null, null, null);
    }

    @Test
    void aBackupRestoredGivesBackEveryMessageAndNothingElse(@TempDir Path folder) throws SQLException, IOException {
        List<StoredMessage> kept = List.of(
                message(UUID.randomUUID().toString(), "it's\ttwo\nlines \\ é 😀", 1),
                message(UUID.randomUUID().toString(), "('a', 'b'),", 2));
        table.keepNew(kept);
        Path backup = folder.resolve("backup.sql");
        try (Connection connection = database.getConnection()) {
            assertThat(BackupTool.backup(connection, backup)).isEqualTo(2);
        }
        table.keepNew(List.of(message(UUID.randomUUID().toString(), "after the backup", 3)));

        try (Connection connection = database.getConnection()) {
            assertThat(BackupTool.restore(connection, backup)).isEqualTo(2);
        }

        try (var all = table.all()) {
            assertThat(all).containsExactlyElementsOf(kept);
        }
        assertThat(Files.readString(backup)).startsWith(BackupFile.HEADER);
    }

    @Test
    void aBackupOfTheH2VersionRestoresItsMessages(@TempDir Path folder) throws SQLException, IOException {
        Path backup = folder.resolve("h2.sql");
        try (var h2 = MessageTableIT.class.getResourceAsStream("/h2-backup.sql")) {
            Files.copy(h2, backup);
        }
        try (Connection connection = database.getConnection()) {
            assertThat(BackupTool.restore(connection, backup)).isEqualTo(3);
        }
        assertThat(table.find("6f1c6a52-0000-4000-8000-000000000001"))
                .extracting(StoredMessage::text)
                .isEqualTo("it's\ntwo lines \\ é 😀");
    }

    @Test
    void aRestoreThatFailsHalfWayLeavesTheTableAsItWas(@TempDir Path folder) throws IOException, SQLException {
        StoredMessage before = message(UUID.randomUUID().toString(), "before", 1);
        table.keepNew(List.of(before));
        Path broken = folder.resolve("broken.sql");
        Files.writeString(broken, """
                INSERT INTO messages (id, message_text, accepted_at_micros, stored_by) VALUES
                ('6f1c6a52-0000-4000-8000-000000000009', 'fine', 1, 'logging-1'),
                ('6f1c6a52-0000-4000-8000-00000000000a', 'no end, 2, 'logging-1');
                """);

        try (Connection connection = database.getConnection()) {
            assertThatThrownBy(() -> BackupTool.restore(connection, broken)).hasMessageContaining("line 3");
        }

        try (var all = table.all()) {
            assertThat(all).containsExactly(before);
        }
    }
}
