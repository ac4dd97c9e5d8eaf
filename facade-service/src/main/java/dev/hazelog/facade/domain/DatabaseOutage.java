package dev.hazelog.facade.domain;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The logging services keep their messages in one database: when one of them answers that it does not answer, the
 * writes of the next moment are refused at once in the same words, instead of each going to a logging service that
 * may not have noticed yet and would make it wait the database's timeout again.
 */
final class DatabaseOutage {

    /** Short: the logging services themselves ask the database every 250 ms whether it is back. */
    private static final Duration REMEMBERED_FOR = Duration.ofMillis(250);

    private volatile @Nullable DatabaseUnavailableException last;
    private volatile long rememberedUntil = System.nanoTime();

    /** @throws DatabaseUnavailableException if a logging service said so a moment ago */
    void check() {
        DatabaseUnavailableException seen = last;
        if (seen != null && System.nanoTime() - rememberedUntil < 0) {
            throw new DatabaseUnavailableException(seen.getMessage());
        }
    }

    void seen(DatabaseUnavailableException answer) {
        last = answer;
        rememberedUntil = System.nanoTime() + REMEMBERED_FOR.toNanos();
    }
}
