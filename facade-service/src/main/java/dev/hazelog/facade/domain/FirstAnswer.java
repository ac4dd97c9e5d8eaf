package dev.hazelog.facade.domain;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** Waits for the first of two calls that look for an answer, such as a call and its hedge. */
final class FirstAnswer {

    private FirstAnswer() {}

    /** The first of the two to answer; empty once both have found none; any other failure at once. */
    static <T> Optional<T> of(CompletableFuture<Optional<T>> one, CompletableFuture<Optional<T>> other) {
        CompletableFuture<Optional<T>> won = new CompletableFuture<>();
        AtomicInteger unanswered = new AtomicInteger();
        BiConsumer<Optional<T>, Throwable> settle = (answered, failure) -> {
            if (failure != null) {
                won.completeExceptionally(failure);
            } else if (answered.isPresent() || unanswered.incrementAndGet() == 2) {
                won.complete(answered);
            }
        };
        one.whenComplete(settle);
        other.whenComplete(settle);
        try {
            return won.join();
        } catch (CompletionException e) {
            throw unwrapped(e);
        }
    }

    /** The failure that the call itself threw. */
    static RuntimeException unwrapped(Exception e) {
        return e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
}
