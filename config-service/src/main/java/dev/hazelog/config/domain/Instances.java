package dev.hazelog.config.domain;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the logging services and the messages service answer, and the store service when the database is the one
 * ./hazelog runs on this machine.
 */
public record Instances(
        List<URI> loggingServices,
        URI messagesService,
        @Nullable URI storeService) {

    public Instances {
        loggingServices = List.copyOf(loggingServices);
    }

    public Instances(List<URI> loggingServices, URI messagesService) {
        this(loggingServices, messagesService, null);
    }
}
