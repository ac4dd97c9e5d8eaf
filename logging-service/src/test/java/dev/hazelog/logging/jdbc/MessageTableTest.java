package dev.hazelog.logging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hazelog.logging.domain.ConflictingMessageException;
import dev.hazelog.logging.domain.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The table on H2 in this JVM's memory, without a cluster in front of it. */
class MessageTableTest {

    private final DriverManagerDataSource database =
            new DriverManagerDataSource("jdbc:h2:mem:table-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final MessageTable table = migrated();

    private MessageTable migrated() {
        Flyway.configure().dataSource(database).load().migrate();
        return new MessageTable(database, Duration.ofSeconds(1), "test");
    }

    private static StoredMessage message(String id, String text, long micros) {
        return new StoredMessage(id, text, Instant.EPOCH.plusNanos(micros * 1000), "logging-1");
    }

    @Test
    void aRowAlreadyThereWithTheSameTextIsTheSameMessageAndAnotherTextAConflict() {
        String id = UUID.randomUUID().toString();
        table.keep(message(id, "first", 1));

        table.keep(message(id, "first", 2));

        assertThatThrownBy(() -> table.keep(message(id, "other", 3))).isInstanceOf(ConflictingMessageException.class);
        assertThat(table.find(id)).isEqualTo(message(id, "first", 1));
    }

    @Test
    void keepNewKeepsTheFreshIdsInOneGoAndReturnsWhatWasKeptBefore() {
        StoredMessage before = message(UUID.randomUUID().toString(), "before", 1);
        table.keep(before);
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
        stored.forEach(table::keep);

        try (var all = table.all()) {
            assertThat(all.map(StoredMessage::text)).containsExactly("c", "a", "b");
        }
        var first = table.page(null, 2);
        assertThat(first.messages()).extracting(StoredMessage::text).containsExactly("c", "a");
        assertThat(first.more()).isTrue();
        var rest = table.page(UUID.fromString(first.messages().getLast().id()), 2);
        assertThat(rest.messages()).extracting(StoredMessage::text).containsExactly("b");
        assertThat(rest.more()).isFalse();
        assertThat(table.latest(2)).extracting(StoredMessage::text).containsExactly("a", "b");
    }
}
