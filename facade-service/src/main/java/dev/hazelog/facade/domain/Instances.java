package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.InstanceStatus;
import java.net.URI;
import java.util.List;

/**
 * Where the services answer, as the config service lists them.
 *
 * @param loggingServices each with whether the config service last saw it healthy
 * @param statuses every instance as the config service listed it, with its health
 */
public record Instances(List<LoggingInstance> loggingServices, URI messagesService, List<InstanceStatus> statuses) {

    public Instances {
        loggingServices = List.copyOf(loggingServices);
        statuses = List.copyOf(statuses);
    }

    /** @param healthy false when its last health check failed; such instances are tried last */
    public record LoggingInstance(URI url, boolean healthy) {}
}
