package dev.hazelog.facade.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The facade's settings, bound from {@code hazelog.facade.*} (env {@code HAZELOG_FACADE_*}).
 *
 * @param configServiceUrl where the config service answers
 * @param connectTimeout how long to wait for a connection to another service
 * @param requestTimeout how long another service may stay silent, before answering or in the middle of an answer
 * @param attemptsPerInstance tries of one logging service before failing over to the next
 * @param retryBackoff the wait before the second try of an instance; it doubles for each further try
 * @param instancesRefresh how often the instance list and health are fetched again from the config service
 * @param circuitOpenFor how long an instance that just failed repeatedly is skipped before it is tried again
 * @param hedgeAfter how long a write waits for the logging service it went to before it is also sent to the others
 *     (the same ids: stored once); far above a write's usual time, so that only an instance that hangs costs a hedge
 * @param writesInFlight how many calls carrying single messages may be on their way to logging services at once;
 *     messages that arrive while they all are leave together in the next call
 * @param maxCombinedWrites the most single messages that leave together in one call; 1 sends each alone. At most
 *     the logging services' {@code hazelog.message.max-batch}
 */
@ConfigurationProperties("hazelog.facade")
public record FacadeProperties(
        @DefaultValue("http://127.0.0.1:5006") URI configServiceUrl,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("3") int attemptsPerInstance,
        @DefaultValue("20ms") Duration retryBackoff,
        @DefaultValue("1s") Duration instancesRefresh,
        @DefaultValue("2s") Duration circuitOpenFor,
        @DefaultValue("300ms") Duration hedgeAfter,
        @DefaultValue("3") int writesInFlight,
        @DefaultValue("100") int maxCombinedWrites) {

    public FacadeProperties {
        require(configServiceUrl.getHost() != null, "config-service-url needs a host: " + configServiceUrl);
        require(connectTimeout.isPositive(), "connect-timeout must be positive");
        require(requestTimeout.isPositive(), "request-timeout must be positive");
        require(attemptsPerInstance >= 1, "attempts-per-instance must be at least 1");
        require(retryBackoff.isPositive(), "retry-backoff must be positive");
        require(instancesRefresh.isPositive(), "instances-refresh must be positive");
        require(circuitOpenFor.isPositive(), "circuit-open-for must be positive");
        require(hedgeAfter.isPositive(), "hedge-after must be positive");
        require(writesInFlight >= 1, "writes-in-flight must be at least 1");
        require(maxCombinedWrites >= 1, "max-combined-writes must be at least 1");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("hazelog.facade." + problem);
        }
    }
}
