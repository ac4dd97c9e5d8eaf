package dev.hazelog.shared.wire;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of a logging service's {@code POST /messages}: several messages stored in one call, in this order.
 *
 * @param notBefore as in {@link StoreRequest}, for the first message; each next one is stamped after the previous
 */
public record StoreBatch(
        @Nullable List<StoreRequest> messages, @Nullable Instant notBefore) {}
