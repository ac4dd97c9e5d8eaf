package dev.hazelog.shared.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Body of a logging service's {@code POST /fetching_message}: {@code {"UUID": "...", "msg": "..."}}. */
public record FetchRequest(
        @JsonProperty("UUID") @Nullable String uuid,
        @Nullable String msg) {}
