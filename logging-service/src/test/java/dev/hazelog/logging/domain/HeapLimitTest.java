package dev.hazelog.logging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapLimitTest {

    private static final long MB = 1 << 20;

    /** A heap of 512 MB holding {@code alive} MB, and {@code garbage} MB more until a full collection. */
    private long alive;

    private long garbage;
    private long now;
    private int collections;

    private final HeapLimit limit = limit(0.5);

    private HeapLimit limit(double maxFill) {
        return new HeapLimit(
                () -> (alive + garbage) * MB,
                512 * MB,
                maxFill,
                () -> {
                    collections++;
                    garbage = 0;
                },
                () -> now);
    }

    @Test
    void takesMessagesUpToTheLimitWithoutCollecting() {
        alive = 250;

        assertThatCode(limit::check).doesNotThrowAnyException();
        assertThat(collections).isZero();
    }

    @Test
    void refusesThemAboveItSayingHowFull() {
        alive = 270;

        assertThatThrownBy(limit::check)
                .isInstanceOf(StorageFullException.class)
                .hasMessageContaining("270 of 512 MB");
    }

    @Test
    void garbageDoesNotCountOnceACollectionConfirms() {
        alive = 200;
        garbage = 100;

        assertThatCode(limit::check).doesNotThrowAnyException();
        assertThat(collections).isEqualTo(1);
    }

    @Test
    void collectsAtMostOncePerInterval() {
        alive = 300;
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(limit::check).isInstanceOf(StorageFullException.class);
        }
        assertThat(collections).isEqualTo(1);

        now += HeapLimit.CONFIRM_EVERY.toNanos();
        assertThatThrownBy(limit::check).isInstanceOf(StorageFullException.class);
        assertThat(collections).isEqualTo(2);
    }

    @Test
    void refusesAnAnswerThatWouldNotFit() {
        alive = 200;

        assertThatCode(() -> limit.checkRoomFor(80 * MB)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.checkRoomFor(100 * MB))
                .isInstanceOf(StorageFullException.class)
                .hasMessageContaining("page by page");
    }

    @Test
    void oneTurnsItOff() {
        alive = 512;

        assertThatCode(limit(1)::check).doesNotThrowAnyException();
    }

    @Test
    void theRealHeapIsMeasured() {
        System.gc();

        assertThatThrownBy(() -> HeapLimit.ofThisJvm(0.000_001).check()).isInstanceOf(StorageFullException.class);
        assertThatCode(() -> HeapLimit.ofThisJvm(0.999).check()).doesNotThrowAnyException();
    }
}
