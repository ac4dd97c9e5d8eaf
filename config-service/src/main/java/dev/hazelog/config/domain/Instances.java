package dev.hazelog.config.domain;

import java.net.URI;
import java.util.List;

/** Where the logging services and the messages service answer. */
public record Instances(List<URI> loggingServices, URI messagesService) {

    public Instances {
        loggingServices = List.copyOf(loggingServices);
    }
}
