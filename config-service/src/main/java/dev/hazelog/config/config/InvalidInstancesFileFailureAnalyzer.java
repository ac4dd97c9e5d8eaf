package dev.hazelog.config.config;

import dev.hazelog.config.domain.InvalidInstancesFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad instances file into a short start-up message instead of a stack trace. */
class InvalidInstancesFileFailureAnalyzer extends AbstractFailureAnalyzer<InvalidInstancesFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidInstancesFileException cause) {
        return new FailureAnalysis(
                "Cannot use the instances file " + cause.getMessage(),
                "Fix the file, or point hazelog.config.instances-file (env HAZELOG_CONFIG_INSTANCES_FILE) at another"
                        + " one, e.g. file:/etc/hazelog/instances.yml.",
                cause);
    }
}
