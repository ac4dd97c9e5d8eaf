package dev.hazelog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {

    /**
     * A client can wake before an operation's due time (an interrupted thread's park returns at once); an operation
     * sent then and answered before it was due had a negative latency, which the histogram refused: an error.
     */
    @Test
    void aFixedRateSendsNothingBeforeItIsDueEvenWhenItsClientWakesEarly() {
        LoadRunner.Result result = LoadRunner.fixedRate(
                "fixed",
                200,
                1,
                Duration.ZERO,
                Duration.ofSeconds(1),
                () -> Thread.currentThread().interrupt());

        assertThat(result.errors()).isZero();
        assertThat(result.latency().getTotalCount()).isGreaterThan(100);
    }
}
