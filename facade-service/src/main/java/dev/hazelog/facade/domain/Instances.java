package dev.hazelog.facade.domain;

import java.net.URI;
import java.util.List;

/**
 * Where the services answer, as the config service lists them.
 *
 * @param loggingServices each with whether the config service last saw it healthy
 */
public record Instances(List<LoggingInstance> loggingServices, URI messagesService) {

    public Instances {
        loggingServices = List.copyOf(loggingServices);
    }

    /** @param healthy false when its last health check failed; such instances are tried last */
    public record LoggingInstance(URI url, boolean healthy) {}
}
