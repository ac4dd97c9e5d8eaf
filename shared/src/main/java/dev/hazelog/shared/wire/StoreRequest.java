package dev.hazelog.shared.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Body of a logging service's {@code POST /fetching_message}: {@code {"UUID": "...", "msg": "..."}}.
 *
 * @param notBefore optional: the latest acceptance time the caller has seen. The message is stamped later than it,
 *     so a message sent after another one was acknowledged is listed after it, whatever the members' clocks say.
 */
public record StoreRequest(
        @JsonProperty("UUID") @Nullable String uuid,
        @Nullable String msg,
        @Nullable Instant notBefore) {}
