package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.hazelog.facade.domain.Instances.LoggingInstance;
import dev.hazelog.shared.wire.InstanceStatus;
import dev.hazelog.shared.wire.MemberSnapshot;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SystemStatusTest {

    private static final URI L1 = URI.create("http://127.0.0.1:5002");
    private static final URI L2 = URI.create("http://127.0.0.1:5003");
    private static final List<InstanceStatus> STATUSES = List.of(
            new InstanceStatus(L1.toString(), InstanceStatus.LOGGING, InstanceStatus.UP, null, null),
            new InstanceStatus(L2.toString(), InstanceStatus.LOGGING, InstanceStatus.DOWN, null, null));
    private static final MemberSnapshot MEMBER = new MemberSnapshot(
            "dev",
            "127.0.0.1:5701",
            "ACTIVE",
            "STARTED",
            List.of(new MemberSnapshot.Member("127.0.0.1:5701", "u1", true)),
            new MemberSnapshot.Entries(7, 5));

    private final LoggingGateway logging = mock(LoggingGateway.class);
    private final InstanceDirectory directory = new InstanceDirectory(
            new InstanceSource() {
                @Override
                public Instances fetch() {
                    return new Instances(
                            List.of(new LoggingInstance(L1, true), new LoggingInstance(L2, false)),
                            URI.create("http://127.0.0.1:5005"),
                            STATUSES);
                }

                @Override
                public String describe() {
                    return "http://127.0.0.1:5006";
                }
            },
            new Random());

    @Test
    void listsEveryInstanceAndWhatEachMemberHoldsAndNoMemberForOneThatDoesNotAnswer() {
        when(logging.member(L1)).thenReturn(MEMBER);
        when(logging.member(L2)).thenThrow(new ServiceUnavailableException(L2, "connection refused"));

        SystemStatus.Report report = new SystemStatus(directory, logging, new WriteRate(Clock.systemUTC())).now();

        assertThat(report.configService()).isEqualTo(new SystemStatus.ConfigService("http://127.0.0.1:5006", "up"));
        assertThat(report.instances()).isEqualTo(STATUSES);
        assertThat(report.members())
                .containsExactly(
                        new SystemStatus.Member(L1.toString(), MEMBER), new SystemStatus.Member(L2.toString(), null));
    }
}
