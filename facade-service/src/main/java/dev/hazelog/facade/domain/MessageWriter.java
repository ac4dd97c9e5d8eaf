package dev.hazelog.facade.domain;

import dev.hazelog.facade.domain.LoggingGateway.NewMessage;
import dev.hazelog.shared.concurrent.WriteCombiner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the facade stores messages, for both of its APIs: through a logging service, failing over to the others. */
public class MessageWriter {

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

    private final InstanceDirectory directory;
    private final LoggingGateway logging;
    private final Failover failover;
    private final Counter accepted;
    private final Counter duplicates;
    private final Timer posts;
    private final WriteCombiner<NewMessage, Failover.Answered<Stored>> combined;
    private final DistributionSummary combinedSizes;
    private final WriteRate writeRate;
    private final DatabaseOutage databaseOutage = new DatabaseOutage();
    /** The latest acceptance time acknowledged to this facade: the causal floor for the next message. */
    private final AtomicReference<@Nullable Instant> latestAccepted = new AtomicReference<>();

    public MessageWriter(
            InstanceDirectory directory,
            LoggingGateway logging,
            Failover failover,
            WriteCombining combining,
            WriteRate writeRate,
            MeterRegistry meters) {
        this.directory = directory;
        this.writeRate = writeRate;
        this.logging = logging;
        this.failover = failover;
        this.accepted = Counter.builder("hazelog.messages.accepted")
                .description("Messages stored for the first time through this facade")
                .register(meters);
        this.duplicates = Counter.builder("hazelog.messages.duplicates")
                .description("Messages sent again through this facade that were already stored")
                .register(meters);
        this.posts = Timer.builder("hazelog.messages.post")
                .description("Time to store a message or a batch, failovers included")
                .publishPercentileHistogram()
                .register(meters);
        this.combined = new WriteCombiner<>(
                combining.inFlight(),
                combining.maxBatch(),
                combining.maxBodyBytes(),
                MessageWriter::jsonBytesAtMost,
                this::storeCombined);
        this.combinedSizes = DistributionSummary.builder("hazelog.facade.writes.combined")
                .description("Single messages that left together in one call to a logging service")
                .register(meters);
        Gauge.builder("hazelog.facade.writes.waiting", combined, WriteCombiner::waiting)
                .description("Messages waiting to share the next call to a logging service")
                .register(meters);
    }

    /**
     * Stores the text through a logging service, healthy ones first in random order, failing over to the others.
     * The id is chosen once: new, or derived from the client's idempotency key, so that a client retrying with the
     * same key gets the same id and the message is stored once. Messages without a key that arrive together travel
     * to a logging service as one batch (see {@link WriteCombining}); one with a key goes alone, so that a refusal
     * of its key is its own.
     *
     * @throws IdempotencyKeyReusedException if the key was used before for another text
     */
    public Receipt send(String text, @Nullable String idempotencyKey) {
        Failover.Answered<Stored> stored = posts.record(() -> {
            if (idempotencyKey == null) {
                return combined.send(new NewMessage(TimeOrderedIds.next(), text));
            }
            UUID id = idFor(idempotencyKey);
            Instant notBefore = latestAccepted.get();
            return storing(idempotencyKey, instance -> logging.store(instance, id, text, notBefore));
        });
        Receipt receipt = receipt(stored.answer(), stored.instance(), idempotencyKey);
        log.info(
                "Message {} {} by {} via {} ({} attempts)",
                receipt.id(),
                receipt.repeat() ? "was already stored" : "stored",
                receipt.storedBy(),
                stored.instance(),
                stored.attempts());
        return receipt;
    }

    /**
     * Stores several messages in one call to one logging service, in this order; each as {@link #send} would. With
     * an idempotency key, message {@code i} gets the id of {@code key#i}, so a retried batch is stored once.
     */
    public List<Receipt> sendAll(List<String> texts, @Nullable String idempotencyKey) {
        List<NewMessage> messages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            UUID id = idempotencyKey == null ? TimeOrderedIds.next() : idFor(idempotencyKey + "#" + i);
            messages.add(new NewMessage(id, texts.get(i)));
        }
        Failover.Answered<List<Stored>> stored = posts.record(() -> storeAll(messages, idempotencyKey));
        List<Receipt> receipts = stored.answer().stream()
                .map(answer -> receipt(answer, stored.instance(), idempotencyKey))
                .toList();
        log.info(
                "Batch of {} messages stored via {} ({} attempts)", texts.size(), stored.instance(), stored.attempts());
        return receipts;
    }

    private Failover.Answered<List<Stored>> storeAll(List<NewMessage> messages, @Nullable String idempotencyKey) {
        Instant notBefore = latestAccepted.get();
        return storing(idempotencyKey, instance -> logging.storeAll(instance, messages, notBefore));
    }

    /** Several clients' messages, stored as one batch; each gets its own answer, from the same instance. */
    private List<Failover.Answered<Stored>> storeCombined(List<NewMessage> messages) {
        combinedSizes.record(messages.size());
        Failover.Answered<List<Stored>> stored = storeAll(messages, null);
        return stored.answer().stream()
                .map(answer -> new Failover.Answered<>(answer, stored.instance(), stored.attempts()))
                .toList();
    }

    /**
     * Runs a store through the instances in turn, unless one said a moment ago that the database does not answer;
     * with an idempotency key, an id taken means the key was reused.
     */
    private <T> Failover.Answered<T> storing(@Nullable String idempotencyKey, Function<URI, T> store) {
        databaseOutage.check();
        try {
            return failover.hedged(directory.ordered(), store);
        } catch (DatabaseUnavailableException e) {
            databaseOutage.seen(e);
            throw e;
        } catch (IdTakenException e) {
            if (idempotencyKey != null) {
                throw new IdempotencyKeyReusedException();
            }
            throw e;
        }
    }

    private Receipt receipt(Stored stored, URI via, @Nullable String idempotencyKey) {
        latestAccepted.accumulateAndGet(stored.acceptedAt(), MessageWriter::later);
        if (stored.duplicate()) {
            duplicates.increment();
        } else {
            accepted.increment();
            writeRate.record(1);
        }
        return new Receipt(stored.id(), stored.storedBy(), via, idempotencyKey != null && stored.duplicate());
    }

    /** JSON escapes a character into at most six bytes; the rest is the id and the field names. */
    private static long jsonBytesAtMost(NewMessage message) {
        return 6L * message.text().length() + 100;
    }

    private static Instant later(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    /** Name-based (version 3), so it never equals the time-ordered (version 7) id of a message sent without a key. */
    static UUID idFor(String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("hazelog-idempotency-key:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param via the logging service that answered
     * @param repeat true when an earlier request with the same idempotency key had already stored it
     */
    public record Receipt(UUID id, String storedBy, URI via, boolean repeat) {}

    /**
     * How single messages share calls to the logging services: at most {@code inFlight} such calls at once, each with
     * up to {@code maxBatch} messages that arrived while the others were on their way, in a body the logging services
     * take ({@code maxBodyBytes}). A {@code maxBatch} of 1 sends every message alone.
     */
    public record WriteCombining(int inFlight, int maxBatch, long maxBodyBytes) {}
}
