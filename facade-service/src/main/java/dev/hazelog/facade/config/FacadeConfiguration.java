package dev.hazelog.facade.config;

import dev.hazelog.facade.domain.Failover;
import dev.hazelog.facade.domain.InstanceDirectory;
import dev.hazelog.facade.domain.InstanceSource;
import dev.hazelog.facade.domain.LiveLog;
import dev.hazelog.facade.domain.LoggingGateway;
import dev.hazelog.facade.domain.MessageReader;
import dev.hazelog.facade.domain.MessageWriter;
import dev.hazelog.facade.domain.MessagesGateway;
import dev.hazelog.facade.domain.SystemStatus;
import dev.hazelog.facade.domain.WriteRate;
import dev.hazelog.shared.http.HttpLimits;
import dev.hazelog.shared.http.MessageRules;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Random;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class FacadeConfiguration {

    private static final int MAX_CONNECTIONS = 256;

    /**
     * The connections to other services: pooled and kept alive. A service that sends nothing for the request
     * timeout, while connecting or answering, counts as unavailable; a long answer that keeps flowing does not.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient httpClient(FacadeProperties properties) {
        Timeout requestTimeout = Timeout.of(properties.requestTimeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(requestTimeout)
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(requestTimeout)
                        .build())
                .disableAutomaticRetries() // the failover policy decides what is tried again
                .build();
    }

    @Bean
    RestClient serviceClient(RestClient.Builder builder, CloseableHttpClient httpClient) {
        return builder.requestFactory(new HttpComponentsClientHttpRequestFactory(httpClient))
                .build();
    }

    @Bean
    InstanceDirectory instanceDirectory(InstanceSource source, FacadeProperties properties) {
        InstanceDirectory directory = new InstanceDirectory(source, new Random());
        directory.start(properties.instancesRefresh());
        return directory;
    }

    @Bean
    Failover failover(FacadeProperties properties, MeterRegistry meters) {
        return new Failover(
                properties.attemptsPerInstance(),
                properties.retryBackoff(),
                properties.circuitOpenFor(),
                properties.hedgeAfter(),
                meters);
    }

    @Bean
    MessageWriter messageWriter(
            InstanceDirectory directory,
            LoggingGateway logging,
            Failover failover,
            FacadeProperties properties,
            MessageRules rules,
            HttpLimits limits,
            WriteRate writeRate,
            MeterRegistry meters) {
        if (properties.maxCombinedWrites() > rules.maxBatch()) {
            throw new IllegalArgumentException(
                    "hazelog.facade.max-combined-writes (%d) must not exceed hazelog.message.max-batch (%d)"
                            .formatted(properties.maxCombinedWrites(), rules.maxBatch()));
        }
        return new MessageWriter(
                directory,
                logging,
                failover,
                new MessageWriter.WriteCombining(
                        properties.writesInFlight(),
                        properties.maxCombinedWrites(),
                        limits.maxBodySize().toBytes()),
                writeRate,
                meters);
    }

    @Bean
    WriteRate writeRate() {
        return new WriteRate(Clock.systemUTC());
    }

    @Bean
    MessageReader messageReader(
            InstanceDirectory directory, LoggingGateway logging, MessagesGateway messages, Failover failover) {
        return new MessageReader(directory, logging, messages, failover);
    }

    /** Each message becomes its Server-Sent Event once, as the live log keeps it: whole, with its blank line. */
    @Bean
    LiveLog liveLog(MessageReader reader, StreamProperties stream, JsonMapper json) {
        return new LiveLog(
                reader,
                message -> "event:message\nid:" + message.id() + "\ndata:" + json.writeValueAsString(message) + "\n\n",
                stream.buffer(),
                stream.bufferSize().toBytes(),
                stream.every());
    }

    @Bean
    SystemStatus systemStatus(InstanceDirectory directory, LoggingGateway logging, WriteRate writeRate) {
        return new SystemStatus(directory, logging, writeRate);
    }
}
