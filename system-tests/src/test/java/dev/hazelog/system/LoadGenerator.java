package dev.hazelog.system;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients that each post messages to the facade at a fixed rate, remembering every message the facade acknowledged
 * (201) by id. Each text is unique, so a message stored twice shows up as a repeated text. With idempotency keys on,
 * a client that gets no answer (timeout, error) sends the same request with the same key again for up to 30 s, like a
 * careful client would; without, it gives up on that message at once.
 */
final class LoadGenerator {

    private static final Duration RETRY_FOR = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpProbe facade;
    private final String label;
    private final int clients;
    private final Duration period;
    private final boolean idempotentRetries;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger repeats = new AtomicInteger();
    private final Set<String> errorSamples = ConcurrentHashMap.newKeySet();
    private final Queue<Send> sends = new ConcurrentLinkedQueue<>();
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * @param label starts every text, so a scenario finds its own messages among all stored
     * @param timeout how long a client waits for an answer
     */
    LoadGenerator(
            String facadeUrl,
            String label,
            int clients,
            int ratePerClient,
            Duration timeout,
            boolean idempotentRetries) {
        this.facade = new HttpProbe(facadeUrl, timeout);
        this.label = label;
        this.clients = clients;
        this.period = Duration.ofSeconds(1).dividedBy(ratePerClient);
        this.idempotentRetries = idempotentRetries;
    }

    LoadGenerator start() {
        for (int client = 0; client < clients; client++) {
            int id = client;
            running.add(Thread.ofVirtual().name(label + "-" + id).start(() -> run(id)));
        }
        return this;
    }

    Result stop() {
        stopped = true;
        for (Thread client : running) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Result(
                Map.copyOf(acknowledged),
                errors.get(),
                unavailable.get(),
                repeats.get(),
                List.copyOf(errorSamples),
                List.copyOf(sends));
    }

    private void run(int client) {
        long next = System.nanoTime();
        for (int sequence = 0; !stopped; sequence++) {
            String text = "%s c%d #%d".formatted(label, client, sequence);
            send(text, idempotentRetries ? "%s-%d-%d".formatted(label, client, sequence) : null);
            next += period.toNanos();
            // Fixed rate: wait for the next slot, or go at once if this send overran it.
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private void send(String text, String idempotencyKey) {
        long started = System.nanoTime();
        boolean acknowledged = attempt(text, idempotencyKey);
        sends.add(new Send(started, System.nanoTime() - started, acknowledged));
    }

    /** @return whether the facade acknowledged the message, after retries if the client makes them */
    private boolean attempt(String text, String idempotencyKey) {
        String body = "{\"msg\": " + JSON.writeValueAsString(text) + "}";
        String[] headers = idempotencyKey == null ? new String[0] : new String[] {"Idempotency-Key", idempotencyKey};
        long giveUpAt = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            String failure;
            boolean serviceUnavailable = false;
            try {
                Answer answer = facade.post("/messages", "application/json", BodyPublishers.ofString(body), headers);
                if (answer.status() == 201) {
                    acknowledged.put(answer.json().path("id").asString(), text);
                    if (answer.json().path("repeat").asBoolean()) {
                        repeats.incrementAndGet();
                    }
                    return true;
                }
                failure = answer.status() + " " + answer.json().path("detail").asString();
                serviceUnavailable = answer.status() == 503;
            } catch (UncheckedIOException e) {
                failure = "no answer: " + e.getCause().getClass().getSimpleName();
            }
            if (idempotencyKey == null || System.nanoTime() > giveUpAt) {
                errors.incrementAndGet();
                if (serviceUnavailable) {
                    unavailable.incrementAndGet();
                }
                if (errorSamples.size() < 2) {
                    errorSamples.add(failure);
                }
                return false;
            }
            LockSupport.parkNanos(RETRY_PAUSE.toNanos());
        }
    }

    /**
     * @param acknowledged id to text of every message the facade answered 201 for
     * @param errors messages a client gave up on (no answer, or an error answer) after its tries
     * @param unavailable of those, the ones whose last answer was a 503
     * @param repeats answers marked as a repeat of an earlier request with the same key
     * @param sends every message a client started to send, in no particular order
     */
    record Result(
            Map<String, String> acknowledged,
            int errors,
            int unavailable,
            int repeats,
            List<String> errorSamples,
            List<Send> sends) {

        /** Messages whose first try started in the window (of {@link System#nanoTime}) and that were acknowledged. */
        long acknowledgedStartedBetween(long fromNanos, long toNanos) {
            return sends.stream()
                    .filter(send ->
                            send.acknowledged() && send.startedNanos() >= fromNanos && send.startedNanos() < toNanos)
                    .count();
        }

        /** From the moment (of {@link System#nanoTime}) until the first acknowledgement of a message started after it. */
        Duration resumedAfter(long nanos) {
            return Duration.ofNanos(sends.stream()
                    .filter(send -> send.acknowledged() && send.startedNanos() >= nanos)
                    .mapToLong(send -> send.startedNanos() + send.tookNanos() - nanos)
                    .min()
                    .orElseThrow(() -> new AssertionError("nothing acknowledged after that moment")));
        }

        /** Messages whose answer, or the last of their tries, took longer than this. */
        long slowerThan(Duration limit) {
            return sends.stream()
                    .filter(send -> send.tookNanos() > limit.toNanos())
                    .count();
        }

        /** The time from a message's first try to its last answer that this share of messages stayed within. */
        Duration latency(double share) {
            long[] took = sends.stream().mapToLong(Send::tookNanos).sorted().toArray();
            return took.length == 0 ? Duration.ZERO : Duration.ofNanos(took[(int) Math.ceil(share * took.length) - 1]);
        }
    }

    /** One message: when its first try started, how long until its last answer, and whether it was acknowledged. */
    record Send(long startedNanos, long tookNanos, boolean acknowledged) {}
}
