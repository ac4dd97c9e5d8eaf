package dev.hazelog.shared.wire;

import java.util.List;

/** Answer of a logging service's {@code GET /messages}: every stored message in the order it was accepted. */
public record MessageList(List<MessageView> messages) {}
