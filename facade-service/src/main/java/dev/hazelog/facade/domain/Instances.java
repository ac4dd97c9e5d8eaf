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

    /** Each instance with its role and state, without the times of its health checks, which change at every check. */
    public List<String> states() {
        return statuses.stream()
                .map(status -> "%s %s %s".formatted(status.url(), status.role(), status.state()))
                .toList();
    }

    /** The same instances in the same states: only the times of their health checks may differ. */
    public boolean sameStatesAs(Instances other) {
        return loggingServices.equals(other.loggingServices)
                && messagesService.equals(other.messagesService)
                && states().equals(other.states());
    }

    /** @param healthy false when its last health check failed; such instances are tried last */
    public record LoggingInstance(URI url, boolean healthy) {}
}
