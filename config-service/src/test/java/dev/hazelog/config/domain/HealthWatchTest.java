package dev.hazelog.config.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hazelog.shared.testing.SettableClock;
import dev.hazelog.shared.wire.InstanceStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthWatchTest {

    private static final URI L1 = URI.create("http://127.0.0.1:5002");
    private static final URI L2 = URI.create("http://127.0.0.1:5003");
    private static final URI M = URI.create("http://127.0.0.1:5005");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Set<URI> healthy = new HashSet<>();
    private final HealthWatch watch =
            new HealthWatch(new Instances(List.of(L1, L2), M), healthy::contains, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void everyInstanceIsUnknownBeforeTheFirstCheck() {
        assertThat(watch.states())
                .extracting(InstanceStatus::url, InstanceStatus::role, InstanceStatus::state)
                .containsExactly(
                        tuple(L1.toString(), "logging", "unknown"),
                        tuple(L2.toString(), "logging", "unknown"),
                        tuple(M.toString(), "messages", "unknown"));
    }

    @Test
    void reportsWhatTheChecksFound() {
        healthy.add(L1);
        healthy.add(M);

        watch.checkAll();

        assertThat(watch.states()).extracting(InstanceStatus::state).containsExactly("up", "down", "up");
        assertThat(watch.states().get(0).lastSeenHealthy()).isEqualTo(T0);
        assertThat(watch.states().get(1).lastSeenHealthy()).isNull();
        assertThat(watch.states().get(1).checkedAt()).isEqualTo(T0);
    }

    @Test
    void remembersWhenADownInstanceWasLastHealthy() {
        SettableClock clock = new SettableClock(T0);
        HealthWatch watch = new HealthWatch(new Instances(List.of(L1), M), healthy::contains, clock);
        healthy.add(L1);
        watch.checkAll();

        healthy.remove(L1);
        clock.set(T0.plusSeconds(5));
        watch.checkAll();

        InstanceStatus l1 = watch.states().get(0);
        assertThat(l1.state()).isEqualTo("down");
        assertThat(l1.lastSeenHealthy()).isEqualTo(T0);
        assertThat(l1.checkedAt()).isEqualTo(T0.plusSeconds(5));
    }
}
