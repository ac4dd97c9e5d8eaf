package dev.hazelog.shared.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /messages?limit=&after=}, in acceptance order.
 *
 * @param next pass as {@code after} to read the next page; null on the last page
 */
public record MessagePage(
        List<MessageView> messages, @Nullable String next) {}
