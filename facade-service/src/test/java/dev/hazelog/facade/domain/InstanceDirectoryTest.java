package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hazelog.facade.domain.Instances.LoggingInstance;
import dev.hazelog.shared.wire.InstanceStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstanceDirectoryTest {

    private static final URI CONFIG = URI.create("http://127.0.0.1:5006");
    private static final Instances FIRST = new Instances(
            List.of(new LoggingInstance(URI.create("http://127.0.0.1:5002"), true)),
            URI.create("http://127.0.0.1:5005"),
            List.of());
    private static final Instances SECOND = new Instances(
            List.of(new LoggingInstance(URI.create("http://127.0.0.1:5002"), false)),
            URI.create("http://127.0.0.1:5005"),
            List.of());

    /** A config service that answers with {@code answer}, or is down while it is null. */
    private static final class FakeSource implements InstanceSource {
        Instances answer;
        int calls;

        @Override
        public Instances fetch() {
            calls++;
            if (answer == null) {
                throw new ServiceUnavailableException(CONFIG, "connection refused");
            }
            return answer;
        }

        @Override
        public String describe() {
            return CONFIG.toString();
        }
    }

    private final FakeSource source = new FakeSource();
    private final InstanceDirectory directory = new InstanceDirectory(source, new Random());

    @Test
    void asksTheConfigServiceWhenItKnowsNothingYet() {
        source.answer = FIRST;

        assertThat(directory.current()).isEqualTo(FIRST);
        assertThat(directory.current()).isEqualTo(FIRST);
        assertThat(source.calls)
                .as("the second call is served from what it knows")
                .isEqualTo(1);
    }

    @Test
    void keepsServingTheLastKnownInstancesWhileTheConfigServiceIsDown() {
        source.answer = FIRST;
        directory.refresh();
        source.answer = null;
        directory.refresh();

        assertThat(directory.current()).isEqualTo(FIRST);
    }

    @Test
    void takesTheNewListOnceTheConfigServiceIsBack() {
        source.answer = FIRST;
        directory.refresh();
        source.answer = null;
        directory.refresh();
        source.answer = SECOND;
        directory.refresh();

        assertThat(directory.current()).isEqualTo(SECOND);
    }

    @Test
    void withNothingEverKnownItSaysTheConfigServiceHasNotAnswered() {
        assertThatThrownBy(directory::current)
                .isInstanceOfSatisfying(
                        NoInstanceAvailableException.class,
                        e -> assertThat(e.tried()).containsExactly("http://127.0.0.1:5006: no answer"))
                .hasMessageContaining("config service has not answered");
    }

    @Test
    void aHealthCheckThatOnlyRanAgainChangesNoState() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        Instances checked = withStatus("up", now);

        assertThat(withStatus("up", now.plusSeconds(1)).sameStatesAs(checked))
                .as("checked again a second later")
                .isTrue();
        assertThat(withStatus("down", now.plusSeconds(1)).sameStatesAs(checked)).isFalse();
        assertThat(SECOND.sameStatesAs(FIRST))
                .as("a logging service seen unhealthy")
                .isFalse();
        assertThat(checked.states()).containsExactly("http://127.0.0.1:5002 logging up");
    }

    private static Instances withStatus(String state, Instant checkedAt) {
        InstanceStatus status =
                new InstanceStatus("http://127.0.0.1:5002", InstanceStatus.LOGGING, state, checkedAt, checkedAt);
        return new Instances(FIRST.loggingServices(), FIRST.messagesService(), List.of(status));
    }
}
