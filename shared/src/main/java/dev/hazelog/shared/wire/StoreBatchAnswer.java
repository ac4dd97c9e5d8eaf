package dev.hazelog.shared.wire;

import java.util.List;

/** Answer of a logging service's {@code POST /messages}: one answer per message, in the order sent. */
public record StoreBatchAnswer(List<StoreAnswer> results) {}
