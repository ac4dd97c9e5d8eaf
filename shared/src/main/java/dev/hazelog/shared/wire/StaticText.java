package dev.hazelog.shared.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of the messages service's {@code GET /message_handler}. */
public record StaticText(@JsonProperty("static_text") String staticText) {}
