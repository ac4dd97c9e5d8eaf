package dev.hazelog.logging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterPropertiesTest {

    static ClusterProperties properties(List<String> members, int backupCount, Duration maxNoHeartbeat) {
        return new ClusterProperties(
                "dev",
                "127.0.0.1",
                "",
                5701,
                members,
                backupCount,
                Duration.ofSeconds(1),
                maxNoHeartbeat,
                Duration.ofSeconds(1),
                "",
                "",
                0.8);
    }

    static ClusterProperties valid() {
        return properties(List.of("127.0.0.1:5701", "127.0.0.1:5702"), 1, Duration.ofSeconds(15));
    }

    @Test
    void acceptsTheDefaults() {
        assertThat(valid().members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:", ":5701", "127.0.0.1:57o1", "127.0.0.1:5701-5703"})
    void rejectsMembersThatAreNotHostAndPort(String member) {
        assertThatThrownBy(() -> properties(List.of(member), 1, Duration.ofSeconds(15)))
                .hasMessage("hazelog.cluster.members needs host:port entries, not '" + member + "'");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 7})
    void rejectsBackupCountsHazelcastCannotKeep(int backupCount) {
        assertThatThrownBy(() -> properties(List.of("a:1"), backupCount, Duration.ofSeconds(15)))
                .hasMessageContaining("backup-count must be between 0 and 6");
    }

    @Test
    void rejectsAHeartbeatTimeoutThatWouldDropBusyMembers() {
        assertThatThrownBy(() -> properties(List.of("a:1"), 1, Duration.ofSeconds(2)))
                .hasMessageContaining("max-no-heartbeat must be at least three heartbeat intervals");
    }

    @Test
    void rejectsAnEmptyMemberList() {
        assertThatThrownBy(() -> properties(List.of(), 1, Duration.ofSeconds(15)))
                .hasMessageContaining("members must list at least one");
    }
}
