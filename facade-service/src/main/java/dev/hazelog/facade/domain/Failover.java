package dev.hazelog.facade.domain;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls instances in the given order. Each has a circuit breaker: one that just failed several times in a row is
 * skipped without a call until {@code openFor} has passed, so a dead instance costs nothing on most requests. An
 * instance that is tried gets up to {@code attemptsPerInstance} tries, with a short exponential backoff, while it
 * refuses connections or answers 5xx; a timeout moves on to the next instance at once. Any other exception, such as
 * a refusal of the request itself (4xx), ends the call: it would be refused anywhere. A write does not wait for a
 * first instance that hangs: see {@link #hedged}.
 *
 * <p>The operation must be idempotent; for a write that means its id is chosen once, before the first attempt.
 */
public class Failover {

    private static final Logger log = LoggerFactory.getLogger(Failover.class);
    private static final int BREAKER_WINDOW = 10;
    private static final int BREAKER_MINIMUM_CALLS = 3;
    private static final float BREAKER_FAILURE_RATE = 50;
    /** As long as a request may take: by then the health checks know whether a laggard is down. */
    private static final Duration LAGGARDS_LAST_FOR = Duration.ofSeconds(5);
    /** A hedged call's two halves run on their own threads; the caller waits for the first answer. */
    private static final Executor CALLERS =
            runnable -> Thread.ofVirtual().name("hedged-call").start(runnable);

    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final MeterRegistry meters;
    private final Counter failovers;
    private final Counter hedges;
    private final Duration hedgeAfter;
    private final Laggards laggards;

    /**
     * @param hedgeAfter how long a write waits for its first instance before it is also sent to the others
     * @param meters counts failed attempts and retries per instance, failovers to another instance, and hedges
     */
    public Failover(
            int attemptsPerInstance, Duration backoff, Duration openFor, Duration hedgeAfter, MeterRegistry meters) {
        this.meters = meters;
        this.hedgeAfter = hedgeAfter;
        this.laggards = new Laggards(LAGGARDS_LAST_FOR);
        this.failovers = Counter.builder("hazelog.facade.failovers")
                .description("Calls that moved on to another logging service after one failed or was skipped")
                .register(meters);
        this.hedges = Counter.builder("hazelog.facade.hedges")
                .description("Calls also sent to other logging services because the first had not answered yet")
                .register(meters);
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(attemptsPerInstance)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2))
                .retryOnException(e -> e instanceof ServiceUnavailableException unavailable && unavailable.retryable())
                .build());
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(BREAKER_WINDOW)
                .minimumNumberOfCalls(BREAKER_MINIMUM_CALLS)
                .failureRateThreshold(BREAKER_FAILURE_RATE)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(Failover::instanceFailed)
                .ignoreException(e -> !instanceFailed(e))
                .build());
        breakers.getEventPublisher()
                .onEntryAdded(added -> added.getAddedEntry()
                        .getEventPublisher()
                        .onStateTransition(event -> log.info(
                                "Circuit for {}: {}", event.getCircuitBreakerName(), event.getStateTransition())));
    }

    /**
     * @throws NoInstanceAvailableException if no instance answered
     * @throws RuntimeException whatever else the operation throws, such as a refusal of the request, at once
     */
    public <T> Answered<T> call(List<URI> instances, Function<URI, T> operation) {
        Trail trail = new Trail();
        return inTurn(laggards.last(instances), operation, trail).orElseThrow(() -> trail.exhausted(instances.size()));
    }

    /**
     * As {@link #call}, but when the first instance has neither answered nor failed after {@code hedgeAfter}, the
     * others are tried beside it, and the first answer wins: an instance that hangs costs that long, not a timeout.
     * Such an instance is tried last by the calls that follow, until it answers (see {@link Laggards}). For writes,
     * whose ids make a second copy of the same call harmless, and reads of a bounded size.
     */
    public <T> Answered<T> hedged(List<URI> given, Function<URI, T> operation) {
        if (given.size() < 2) {
            return call(given, operation);
        }
        List<URI> instances = laggards.last(given);
        Trail trail = new Trail();
        List<URI> others = instances.subList(1, instances.size());
        CompletableFuture<Optional<Answered<T>>> first =
                CompletableFuture.supplyAsync(() -> inTurn(instances.subList(0, 1), operation, trail), CALLERS);
        Optional<Answered<T>> quick;
        try {
            quick = first.get(hedgeAfter.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            hedges.increment();
            laggards.lagged(instances.getFirst());
            first.thenAccept(answered -> answered.ifPresent(late -> laggards.answered(late.instance())));
            Trail beside = trail.beside();
            CompletableFuture<Optional<Answered<T>>> rest =
                    CompletableFuture.supplyAsync(() -> inTurn(others, operation, beside), CALLERS);
            return FirstAnswer.of(first, rest).orElseThrow(() -> trail.exhausted(instances.size()));
        } catch (ExecutionException e) {
            throw FirstAnswer.unwrapped(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw trail.exhausted(instances.size());
        }
        return quick.or(() -> inTurn(others, operation, trail)).orElseThrow(() -> trail.exhausted(instances.size()));
    }

    /** The instances one after the other, each with its retries; empty when none answered. */
    private <T> Optional<Answered<T>> inTurn(List<URI> instances, Function<URI, T> operation, Trail trail) {
        for (URI instance : instances) {
            if (trail.started()) {
                failovers.increment();
            }
            CircuitBreaker breaker = breakers.circuitBreaker(instance.toString());
            Retry retry = retries.retry(instance.toString());
            AtomicInteger attempts = new AtomicInteger();
            try {
                T answer = retry.executeSupplier(breaker.decorateSupplier(() -> {
                    if (attempts.getAndIncrement() > 0) {
                        count("hazelog.facade.retries", instance);
                    }
                    try {
                        return operation.apply(instance);
                    } catch (ServiceUnavailableException e) {
                        count("hazelog.facade.errors", instance);
                        throw e;
                    }
                }));
                return Optional.of(new Answered<>(answer, instance, trail.failedAttempts() + attempts.get()));
            } catch (CallNotPermittedException e) {
                trail.failed(
                        attempts.get(),
                        attempts.get() == 0
                                ? "%s: skipped, it failed just before".formatted(instance)
                                : "%s: %d attempts, then skipped".formatted(instance, attempts.get()));
            } catch (ServiceUnavailableException e) {
                trail.failed(
                        attempts.get(), "%s: %d attempts, last: %s".formatted(instance, attempts.get(), e.reason()));
            }
        }
        return Optional.empty();
    }

    /** A full instance is alive and answers other requests: it does not count against its circuit. */
    private static boolean instanceFailed(Throwable e) {
        return e instanceof ServiceUnavailableException && !(e instanceof InstanceFullException);
    }

    private void count(String name, URI instance) {
        meters.counter(name, "instance", instance.toString()).increment();
    }

    /** @param instance the one that answered; {@code attempts} counts every call, the answered one included */
    public record Answered<T>(T answer, URI instance, int attempts) {}
}
