package dev.hazelog.logging.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapLimitTest {

    private static final long MB = 1 << 20;

    private static HeapLimit limit(long usedMb, double maxFill) {
        return new HeapLimit(() -> usedMb * MB, 512 * MB, maxFill);
    }

    @Test
    void takesMessagesUpToTheLimit() {
        assertThatCode(() -> limit(409, 0.8).check()).doesNotThrowAnyException();
    }

    @Test
    void refusesThemAboveItSayingHowFull() {
        assertThatThrownBy(() -> limit(420, 0.8).check())
                .isInstanceOf(StorageFullException.class)
                .hasMessageContaining("420 of 512 MB");
    }

    @Test
    void refusesAnAnswerThatWouldNotFit() {
        assertThatCode(() -> limit(200, 0.5).checkRoomFor(80 * MB)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit(200, 0.5).checkRoomFor(100 * MB))
                .isInstanceOf(StorageFullException.class)
                .hasMessageContaining("page by page");
    }

    @Test
    void oneTurnsItOff() {
        assertThatCode(() -> limit(512, 1).check()).doesNotThrowAnyException();
    }

    @Test
    void theRealHeapIsMeasured() {
        System.gc();

        assertThatThrownBy(() -> HeapLimit.ofThisJvm(0.000_001).check()).isInstanceOf(StorageFullException.class);
        assertThatCode(() -> HeapLimit.ofThisJvm(0.999).check()).doesNotThrowAnyException();
    }
}
