package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.http.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class FailoverTest {

    private static final URI A = URI.create("http://127.0.0.1:1");
    private static final URI B = URI.create("http://127.0.0.1:2");
    private static final URI C = URI.create("http://127.0.0.1:3");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Failover failover =
            new Failover(3, Duration.ofMillis(1), Duration.ofMinutes(1), Duration.ofMillis(50), meters);
    /** Hedged calls come from two threads. */
    private final List<URI> calls = new CopyOnWriteArrayList<>();
    /** An instance that hangs stays stuck until the test is over. */
    private final CountDownLatch thawed = new CountDownLatch(1);

    @AfterEach
    void thaw() {
        thawed.countDown();
    }

    private String hangs() {
        try {
            thawed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ServiceUnavailableException(A, "timed out", false);
    }

    /** Each instance answers from its script, one entry per call: a value, or an exception to throw. */
    private Function<URI, String> scripted(Map<URI, List<Object>> script) {
        return instance -> {
            int call = (int) calls.stream().filter(instance::equals).count();
            calls.add(instance);
            Object outcome =
                    script.get(instance).get(Math.min(call, script.get(instance).size() - 1));
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            return (String) outcome;
        };
    }

    private static ServiceUnavailableException down(URI instance) {
        return new ServiceUnavailableException(instance, "connection refused");
    }

    private static ServiceUnavailableException timedOut(URI instance) {
        return new ServiceUnavailableException(instance, "timed out", false);
    }

    @Test
    void aHealthyFirstInstanceIsCalledOnce() {
        var answered = failover.call(List.of(A, B), scripted(Map.of(A, List.of("a"), B, List.of("b"))));

        assertThat(answered.answer()).isEqualTo("a");
        assertThat(answered.attempts()).isEqualTo(1);
        assertThat(calls).containsExactly(A);
    }

    @Test
    void retriesAnUnavailableInstanceBeforeMovingOn() {
        var answered =
                failover.call(List.of(A, B), scripted(Map.of(A, List.of(down(A), down(A), "a"), B, List.of("b"))));

        assertThat(answered.answer()).isEqualTo("a");
        assertThat(answered.instance()).isEqualTo(A);
        assertThat(answered.attempts()).isEqualTo(3);
        assertThat(calls).containsExactly(A, A, A);
    }

    @Test
    void failsOverAfterThreeAttempts() {
        var answered = failover.call(
                List.of(A, B, C), scripted(Map.of(A, List.of(down(A)), B, List.of("b"), C, List.of("c"))));

        assertThat(answered.answer()).isEqualTo("b");
        assertThat(answered.instance()).isEqualTo(B);
        assertThat(answered.attempts()).isEqualTo(4);
        assertThat(calls).containsExactly(A, A, A, B);
        assertThat(meters.counter("hazelog.facade.errors", "instance", A.toString())
                        .count())
                .isEqualTo(3);
        assertThat(meters.counter("hazelog.facade.retries", "instance", A.toString())
                        .count())
                .isEqualTo(2);
        assertThat(meters.counter("hazelog.facade.errors", "instance", B.toString())
                        .count())
                .isZero();
        assertThat(meters.counter("hazelog.facade.failovers").count()).isEqualTo(1);
    }

    @Test
    void aFullInstanceIsPassedAtOnceButNotSkippedLater() {
        var full = new InstanceFullException(A, "answered 507: nearly full");
        for (int i = 0; i < 5; i++) {
            var answered = failover.call(List.of(A, B), scripted(Map.of(A, List.of(full), B, List.of("b"))));

            assertThat(answered.answer()).isEqualTo("b");
        }

        assertThat(calls).containsExactly(A, B, A, B, A, B, A, B, A, B);
    }

    @Test
    void aRejectionIsNeverRetriedNorFailedOver() {
        var rejected = new ProblemException(HttpStatus.CONFLICT, "Id already used", "taken");

        assertThatThrownBy(() -> failover.call(List.of(A, B), scripted(Map.of(A, List.of(rejected), B, List.of("b")))))
                .isSameAs(rejected);
        assertThat(calls).containsExactly(A);
    }

    @Test
    void whenEveryInstanceFailsItNamesWhatWasTried() {
        assertThatThrownBy(() ->
                        failover.call(List.of(A, B), scripted(Map.of(A, List.of(down(A)), B, List.of(down(B))))))
                .isInstanceOfSatisfying(
                        NoInstanceAvailableException.class,
                        e -> assertThat(e.tried())
                                .containsExactly(
                                        "http://127.0.0.1:1: 3 attempts, last: connection refused",
                                        "http://127.0.0.1:2: 3 attempts, last: connection refused"))
                .hasMessage("No logging service could take the request (2 known).");
        assertThat(calls).containsExactly(A, A, A, B, B, B);
    }

    @Test
    void anUnexpectedErrorIsNotMistakenForAnOutage() {
        var bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> failover.call(List.of(A, B), scripted(Map.of(A, List.of(bug), B, List.of("b")))))
                .isSameAs(bug);
        assertThat(calls).containsExactly(A);
    }

    @Test
    void aTimeoutFailsOverAtOnceInsteadOfWaitingAgain() {
        var answered = failover.call(List.of(A, B), scripted(Map.of(A, List.of(timedOut(A)), B, List.of("b"))));

        assertThat(answered.answer()).isEqualTo("b");
        assertThat(calls).containsExactly(A, B);
    }

    @Test
    void anInstanceThatJustFailedIsSkippedWithoutACall() {
        var script = Map.of(A, List.<Object>of(down(A)), B, List.<Object>of("b"));
        failover.call(List.of(A, B), scripted(script));
        calls.clear();

        var answered = failover.call(List.of(A, B), scripted(script));

        assertThat(answered.answer()).isEqualTo("b");
        assertThat(calls).as("A's circuit is open").containsExactly(B);
    }

    @Test
    void whenEveryCircuitIsOpenItAnswersAtOnceSayingSo() {
        var script = Map.of(A, List.<Object>of(down(A)), B, List.<Object>of(down(B)));
        catchThrowable(() -> failover.call(List.of(A, B), scripted(script)));
        calls.clear();

        assertThatThrownBy(() -> failover.call(List.of(A, B), scripted(script)))
                .isInstanceOfSatisfying(
                        NoInstanceAvailableException.class,
                        e -> assertThat(e.tried())
                                .containsExactly(
                                        "http://127.0.0.1:1: skipped, it failed just before",
                                        "http://127.0.0.1:2: skipped, it failed just before"));
        assertThat(calls).isEmpty();
    }

    @Test
    void anInstanceIsTriedAgainOnceItsCircuitHasBeenOpenLongEnough() {
        Failover quick = new Failover(3, Duration.ofMillis(1), Duration.ofMillis(50), Duration.ofMinutes(1), meters);
        List<Object> aOutcomes = new ArrayList<>(List.of(down(A)));
        var script = Map.of(A, aOutcomes, B, List.<Object>of("b"));
        quick.call(List.of(A, B), scripted(script));
        aOutcomes.set(0, "a");

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                quick.call(List.of(A, B), scripted(script)).answer())
                        .isEqualTo("a"));
    }

    @Test
    void aWriteWhoseFirstInstanceAnswersInTimeGoesNowhereElse() {
        var answered = failover.hedged(List.of(A, B), scripted(Map.of(A, List.of("a"), B, List.of("b"))));

        assertThat(answered.answer()).isEqualTo("a");
        assertThat(calls).containsExactly(A);
        assertThat(meters.counter("hazelog.facade.hedges").count()).isZero();
    }

    @Test
    void aWriteWhoseFirstInstanceHangsIsAnsweredByTheNextWhileTheFirstStillHangs() {
        var answered = failover.hedged(List.of(A, B), instance -> instance.equals(A) ? hangs() : "b");

        assertThat(answered.answer()).isEqualTo("b");
        assertThat(answered.instance()).isEqualTo(B);
        assertThat(thawed.getCount()).as("A still hangs").isOne();
        assertThat(meters.counter("hazelog.facade.hedges").count()).isOne();
        assertThat(meters.counter("hazelog.facade.failovers").count())
                .as("a hedge is not a failover")
                .isZero();
    }

    @Test
    void anInstanceThatLetAWriteWaitIsTriedLastByTheNextUntilItAnswers() {
        failover.hedged(List.of(A, B), instance -> instance.equals(A) ? hangs() : "b");
        calls.clear();

        var next = failover.hedged(List.of(A, B), scripted(Map.of(A, List.of("a"), B, List.of("b"))));

        assertThat(next.instance()).isEqualTo(B);
        assertThat(calls).containsExactly(B);
        assertThat(meters.counter("hazelog.facade.hedges").count()).isOne();
        assertThat(failover.call(List.of(A, B), scripted(Map.of(A, List.of("a"), B, List.of("b"))))
                        .instance())
                .as("a call that is not hedged tries it last too")
                .isEqualTo(B);
    }

    @Test
    void aWriteWhoseFirstInstanceFailsQuicklyFailsOverWithoutAHedge() {
        var answered = failover.hedged(List.of(A, B), scripted(Map.of(A, List.of(down(A)), B, List.of("b"))));

        assertThat(answered.answer()).isEqualTo("b");
        assertThat(calls).containsExactly(A, A, A, B);
        assertThat(meters.counter("hazelog.facade.hedges").count()).isZero();
    }

    @Test
    void aHedgedWriteFailsWithEverythingTriedOnceNeitherHalfFindsAnInstance() {
        CountDownLatch bTried = new CountDownLatch(3);
        Function<URI, String> operation = instance -> {
            if (instance.equals(B)) {
                bTried.countDown();
                throw down(B);
            }
            try {
                bTried.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw timedOut(A);
        };

        assertThatThrownBy(() -> failover.hedged(List.of(A, B), operation))
                .isInstanceOfSatisfying(
                        NoInstanceAvailableException.class,
                        e -> assertThat(e.tried())
                                .containsExactlyInAnyOrder(
                                        "http://127.0.0.1:2: 3 attempts, last: connection refused",
                                        "http://127.0.0.1:1: 1 attempts, last: timed out"));
    }

    @Test
    void aRefusalFromTheHedgeEndsTheWriteWhileTheFirstInstanceHangs() {
        var rejected = new ProblemException(HttpStatus.CONFLICT, "Id already used", "taken");

        assertThatThrownBy(() -> failover.hedged(List.of(A, B), instance -> {
                    if (instance.equals(A)) {
                        return hangs();
                    }
                    throw rejected;
                }))
                .isSameAs(rejected);
    }

    @Test
    void aDatabaseThatDoesNotAnswerEndsTheWriteWithoutTryingTheOthersWhichShareIt() {
        var unavailable = new DatabaseUnavailableException("The message database (postgresql://db) did not answer.");
        var script = Map.of(A, List.<Object>of(unavailable), B, List.<Object>of("b"));

        assertThatThrownBy(() -> failover.hedged(List.of(A, B), scripted(script)))
                .isSameAs(unavailable);
        assertThat(calls).containsExactly(A);
        assertThat(failover.call(List.of(A, B), scripted(Map.of(A, List.of("a"), B, List.of("b"))))
                        .answer())
                .as("A's circuit stays closed")
                .isEqualTo("a");
    }
}
