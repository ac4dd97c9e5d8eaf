package dev.hazelog.facade.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for new messages: version 7 UUIDs (RFC 9562), the time in milliseconds in the first 48 bits, 74 random bits
 * after it. Ids made one after another sort together, so the database's index on the id grows at its end, where
 * random (version 4) ids would each rewrite a page somewhere inside it.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    static UUID next() {
        long timeVersionAndRandom = System.currentTimeMillis() << 16 | 0x7000 | RANDOM.nextInt(0x1000);
        long variantAndRandom = RANDOM.nextLong() >>> 2 | 0x8000_0000_0000_0000L;
        return new UUID(timeVersionAndRandom, variantAndRandom);
    }
}
