package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.InstanceStatus;
import dev.hazelog.shared.wire.MemberSnapshot;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The whole system at a glance, as the dashboard shows it: every instance with the health the config service last
 * saw, and what each logging service's member holds. Asks the logging services in parallel, so one that hangs costs
 * one request timeout, not one per instance.
 */
public class SystemStatus {

    private final InstanceDirectory directory;
    private final LoggingGateway logging;
    private final WriteRate writeRate;

    public SystemStatus(InstanceDirectory directory, LoggingGateway logging, WriteRate writeRate) {
        this.directory = directory;
        this.logging = logging;
        this.writeRate = writeRate;
    }

    public Report now() {
        Instances instances = directory.current();
        ConfigService config = new ConfigService(
                directory.sourceName(), directory.sourceReachable() ? InstanceStatus.UP : InstanceStatus.DOWN);
        List<Future<Member>> answers;
        try (ExecutorService askers = Executors.newVirtualThreadPerTaskExecutor()) {
            answers = instances.loggingServices().stream()
                    .map(instance -> askers.submit(() -> member(instance.url())))
                    .toList();
        }
        return new Report(
                config,
                instances.statuses(),
                answers.stream().map(Future::resultNow).toList(),
                writeRate.lastMinute());
    }

    /** Whatever keeps an instance from answering, the dashboard shows it without a member. */
    private Member member(URI instance) {
        try {
            return new Member(instance.toString(), logging.member(instance));
        } catch (RuntimeException e) {
            return new Member(instance.toString(), null);
        }
    }

    /** @param state {@value InstanceStatus#UP} while the facade reaches it, else {@value InstanceStatus#DOWN} */
    public record ConfigService(String url, String state) {}

    /** @param member what the instance's member answered; null when it did not answer */
    public record Member(String instance, @Nullable MemberSnapshot member) {}

    /** @param writesPerSecond messages this facade stored in each of the last 60 whole seconds, oldest first */
    public record Report(
            ConfigService configService,
            List<InstanceStatus> instances,
            List<Member> members,
            List<Long> writesPerSecond) {}
}
