package dev.hazelog.shared.wire;

import java.util.List;

/** Messages in acceptance order, all of them at once: {@code GET /messages/latest}. */
public record MessageList(List<MessageView> messages) {}
