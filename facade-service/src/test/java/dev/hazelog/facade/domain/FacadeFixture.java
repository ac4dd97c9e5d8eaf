package dev.hazelog.facade.domain;

import dev.hazelog.facade.domain.Instances.LoggingInstance;
import dev.hazelog.shared.testing.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** A facade's writer and reader over two fake logging services, L1 and L2, and a fake messages service. */
final class FacadeFixture {

    static final URI L1 = URI.create("http://127.0.0.1:5002");
    static final URI L2 = URI.create("http://127.0.0.1:5003");
    static final URI MESSAGES = URI.create("http://127.0.0.1:5005");

    final FakeLogging logging = new FakeLogging();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T10:00:00Z"));
    final WriteRate writeRate = new WriteRate(clock);
    boolean messagesServiceDown;
    boolean l1Healthy = true;
    private final InstanceDirectory directory = new InstanceDirectory(
            new InstanceSource() {
                @Override
                public Instances fetch() {
                    return new Instances(
                            List.of(new LoggingInstance(L1, l1Healthy), new LoggingInstance(L2, true)),
                            MESSAGES,
                            List.of());
                }

                @Override
                public String describe() {
                    return "test";
                }
            },
            new Random(7));
    final MessageWriter writer;
    final MessageReader reader;

    /** An instance that failed is skipped for a minute. */
    FacadeFixture() {
        this(Duration.ofMinutes(1));
    }

    /** @param openFor how long an instance that failed is skipped */
    FacadeFixture(Duration openFor) {
        Failover failover = new Failover(3, Duration.ofMillis(1), openFor, Duration.ofMinutes(1), meters);
        writer = new MessageWriter(
                directory, logging, failover, new MessageWriter.WriteCombining(2, 10, 1_000_000), writeRate, meters);
        reader = new MessageReader(
                directory,
                logging,
                messagesService -> {
                    if (messagesServiceDown) {
                        throw new ServiceUnavailableException(messagesService, "connection refused");
                    }
                    return "Not implemented yet";
                },
                failover);
    }
}
