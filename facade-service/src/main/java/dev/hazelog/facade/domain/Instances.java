package dev.hazelog.facade.domain;

import java.net.URI;
import java.util.List;

/** Where the logging services and the messages service answer, as the config service lists them. */
public record Instances(List<URI> loggingServices, URI messagesService) {

    public Instances {
        loggingServices = List.copyOf(loggingServices);
    }
}
