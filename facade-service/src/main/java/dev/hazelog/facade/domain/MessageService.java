package dev.hazelog.facade.domain;

import dev.hazelog.facade.domain.LoggingGateway.NewMessage;
import dev.hazelog.shared.http.ProblemException;
import dev.hazelog.shared.wire.FetchAnswer;
import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/** What the facade does for both of its APIs: store a message somewhere safe, and read them all back. */
public class MessageService {

    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    private final InstanceDirectory directory;
    private final LoggingGateway logging;
    private final MessagesGateway messages;
    private final Failover failover;
    private final RandomGenerator random;
    private final Counter accepted;
    private final Counter duplicates;
    private final Timer posts;
    private final WriteCombiner<NewMessage, Failover.Answered<FetchAnswer>> combined;
    private final DistributionSummary combinedSizes;
    /** The latest acceptance time acknowledged to this facade: the causal floor for the next message. */
    private final AtomicReference<@Nullable Instant> latestAccepted = new AtomicReference<>();

    public MessageService(
            InstanceDirectory directory,
            LoggingGateway logging,
            MessagesGateway messages,
            Failover failover,
            RandomGenerator random,
            WriteCombining combining,
            MeterRegistry meters) {
        this.directory = directory;
        this.logging = logging;
        this.messages = messages;
        this.failover = failover;
        this.random = random;
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
                MessageService::jsonBytesAtMost,
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
     * @throws ProblemException 422 if the key was used before for another text
     */
    public Receipt send(String text, @Nullable String idempotencyKey) {
        Failover.Answered<FetchAnswer> stored = posts.record(() -> {
            if (idempotencyKey == null) {
                return combined.send(new NewMessage(UUID.randomUUID(), text));
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
            UUID id = idempotencyKey == null ? UUID.randomUUID() : idFor(idempotencyKey + "#" + i);
            messages.add(new NewMessage(id, texts.get(i)));
        }
        Failover.Answered<List<FetchAnswer>> stored = posts.record(() -> storeAll(messages, idempotencyKey));
        List<Receipt> receipts = stored.answer().stream()
                .map(answer -> receipt(answer, stored.instance(), idempotencyKey))
                .toList();
        log.info(
                "Batch of {} messages stored via {} ({} attempts)", texts.size(), stored.instance(), stored.attempts());
        return receipts;
    }

    private Failover.Answered<List<FetchAnswer>> storeAll(List<NewMessage> messages, @Nullable String idempotencyKey) {
        Instant notBefore = latestAccepted.get();
        return storing(idempotencyKey, instance -> logging.storeAll(instance, messages, notBefore));
    }

    /** Several clients' messages, stored as one batch; each gets its own answer, from the same instance. */
    private List<Failover.Answered<FetchAnswer>> storeCombined(List<NewMessage> messages) {
        combinedSizes.record(messages.size());
        Failover.Answered<List<FetchAnswer>> stored = storeAll(messages, null);
        return stored.answer().stream()
                .map(answer -> new Failover.Answered<>(answer, stored.instance(), stored.attempts()))
                .toList();
    }

    /**
     * Runs a store through the instances in turn; with an idempotency key, the logging service's 409 means the key
     * was used for other text.
     */
    private <T> Failover.Answered<T> storing(@Nullable String idempotencyKey, Function<URI, T> store) {
        try {
            return failover.call(ordered(), store);
        } catch (ProblemException e) {
            if (idempotencyKey != null && e.status().isSameCodeAs(HttpStatus.CONFLICT)) {
                throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Idempotency-Key reused",
                        "This Idempotency-Key was first used with another message.");
            }
            throw e;
        }
    }

    private Receipt receipt(FetchAnswer answer, URI via, @Nullable String idempotencyKey) {
        latestAccepted.accumulateAndGet(answer.acceptedAt(), MessageService::later);
        boolean duplicate = FetchAnswer.DUPLICATE.equals(answer.status());
        (duplicate ? duplicates : accepted).increment();
        return new Receipt(UUID.fromString(answer.id()), answer.storedBy(), via, idempotencyKey != null && duplicate);
    }

    /**
     * What the messages service says (or that it is unavailable), and every message in acceptance order, read from
     * a logging service as it streams them; the caller closes the stream.
     */
    public AllMessages all() {
        Instances instances = directory.current();
        MessagesServicePart part = messagesServicePart(instances.messagesService());
        return new AllMessages(failover.call(ordered(instances), logging::all).answer(), part);
    }

    public MessagePage page(@Nullable UUID after, int limit) {
        return failover.call(ordered(), instance -> logging.page(instance, after, limit))
                .answer();
    }

    /** The last {@code limit} messages, in acceptance order. */
    public List<MessageView> latest(int limit) {
        return failover.call(ordered(), instance -> logging.latest(instance, limit))
                .answer();
    }

    public Optional<MessageView> find(UUID id) {
        return failover.call(ordered(), instance -> logging.find(instance, id)).answer();
    }

    /** JSON escapes a character into at most six bytes; the rest is the id and the field names. */
    private static long jsonBytesAtMost(NewMessage message) {
        return 6L * message.text().length() + 100;
    }

    private static Instant later(@Nullable Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    /** Name-based (version 3), so it never equals a random (version 4) id of a message sent without a key. */
    static UUID idFor(String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("hazelog-idempotency-key:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    private MessagesServicePart messagesServicePart(URI messagesService) {
        try {
            return new MessagesServicePart(true, messages.staticText(messagesService));
        } catch (ServiceUnavailableException e) {
            log.warn("Messages service unavailable: {}", e.getMessage());
            return new MessagesServicePart(false, "messages-service unavailable");
        }
    }

    private List<URI> ordered() {
        return ordered(directory.current());
    }

    /** Healthy instances first, each group shuffled: the load spreads, and a known-down one is only a last resort. */
    private List<URI> ordered(Instances instances) {
        List<URI> healthy = new ArrayList<>();
        List<URI> unhealthy = new ArrayList<>();
        for (Instances.LoggingInstance instance : instances.loggingServices()) {
            (instance.healthy() ? healthy : unhealthy).add(instance.url());
        }
        Collections.shuffle(healthy, random);
        Collections.shuffle(unhealthy, random);
        healthy.addAll(unhealthy);
        return healthy;
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

    public record AllMessages(Stream<MessageView> messages, MessagesServicePart messagesService) {}

    /** @param text the messages service's answer, or why there is none */
    public record MessagesServicePart(boolean available, String text) {}
}
