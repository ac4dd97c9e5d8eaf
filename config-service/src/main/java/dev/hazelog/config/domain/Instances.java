package dev.hazelog.config.domain;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the logging services and the messages service answer, and the database behind them when the instances file
 * names it (./hazelog does for the one it runs).
 */
public record Instances(
        List<URI> loggingServices,
        URI messagesService,
        @Nullable URI database) {

    public Instances {
        loggingServices = List.copyOf(loggingServices);
    }

    public Instances(List<URI> loggingServices, URI messagesService) {
        this(loggingServices, messagesService, null);
    }
}
