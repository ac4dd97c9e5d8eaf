package dev.hazelog.config.http;

import dev.hazelog.config.config.ConfigServiceProperties;
import dev.hazelog.config.domain.HealthProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code GET <instance>/actuator/health}: healthy means a 200 within the timeout (actuator answers 503 when DOWN). A
 * {@code postgresql://} instance, the database, is healthy when it takes connections ({@link PostgresProbe}).
 */
@Component
class HttpHealthProbe implements HealthProbe {

    private final Duration timeout;
    private final HttpClient client;
    private final PostgresProbe database;

    HttpHealthProbe(ConfigServiceProperties properties) {
        this.timeout = properties.healthCheckTimeout();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        this.database = new PostgresProbe(timeout);
    }

    @Override
    public boolean healthy(URI instance) {
        if ("postgresql".equals(instance.getScheme())) {
            return database.ready(instance);
        }
        HttpRequest request = HttpRequest.newBuilder(instance.resolve("/actuator/health"))
                .timeout(timeout)
                .build();
        try {
            return client.send(request, BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
