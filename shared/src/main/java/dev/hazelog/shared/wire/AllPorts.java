package dev.hazelog.shared.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of the config service's {@code GET /all_ports}: the base URLs of the logging and messages services. */
public record AllPorts(
        @JsonProperty("log_s") List<String> loggingServices,
        @JsonProperty("mes_s") String messagesService) {}
