package dev.hazelog.facade.domain;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Calls instances in the given order: each up to {@code attemptsPerInstance} times with a short exponential backoff
 * while it is unavailable, then the next. A rejection (4xx) ends the call at once: it would be rejected anywhere.
 * The operation must be idempotent; for a write that means its id is chosen once, before the first attempt.
 */
public class Failover {

    private final RetryRegistry retries;

    public Failover(int attemptsPerInstance, Duration backoff) {
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(attemptsPerInstance)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(backoff, 2))
                .retryExceptions(ServiceUnavailableException.class)
                .build());
    }

    /**
     * @throws NoInstanceAvailableException if every instance stayed unavailable
     * @throws RuntimeException whatever else the operation throws, such as a refusal of the request, at once
     */
    public <T> Answered<T> call(List<URI> instances, Function<URI, T> operation) {
        List<String> tried = new ArrayList<>();
        int failedAttempts = 0;
        for (URI instance : instances) {
            Retry retry = retries.retry(instance.toString());
            AtomicInteger attempts = new AtomicInteger();
            try {
                T answer = retry.executeSupplier(() -> {
                    attempts.incrementAndGet();
                    return operation.apply(instance);
                });
                return new Answered<>(answer, instance, failedAttempts + attempts.get());
            } catch (ServiceUnavailableException e) {
                failedAttempts += attempts.get();
                tried.add("%s: %d attempts, last: %s".formatted(instance, attempts.get(), e.reason()));
            }
        }
        throw new NoInstanceAvailableException(
                "No logging service could take the request (%d tried).".formatted(instances.size()), tried);
    }

    /** @param instance the one that answered; {@code attempts} counts every call, the answered one included */
    public record Answered<T>(T answer, URI instance, int attempts) {}
}
