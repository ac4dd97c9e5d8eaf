package dev.hazelog.config.domain;

import java.net.URI;

/** Asks one instance whether it is healthy. */
public interface HealthProbe {

    /** True if the instance answered its health check with UP in time; never throws for a failed check. */
    boolean healthy(URI instance);
}
