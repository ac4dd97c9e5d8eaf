package dev.hazelog.facade.config;

import dev.hazelog.facade.domain.Failover;
import dev.hazelog.facade.domain.InstanceDirectory;
import dev.hazelog.facade.domain.InstanceSource;
import dev.hazelog.facade.domain.LoggingGateway;
import dev.hazelog.facade.domain.MessageService;
import dev.hazelog.facade.domain.MessagesGateway;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Random;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class FacadeConfiguration {

    /** The connections to other services: pooled and kept alive, shared by both clients below. */
    @Bean
    HttpClient httpClient(FacadeProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    /** For every call to another service; the whole answer must arrive within the request timeout. */
    @Bean
    RestClient serviceClient(RestClient.Builder builder, HttpClient httpClient, FacadeProperties properties) {
        return client(builder, httpClient, properties.requestTimeout());
    }

    /** For streamed reads of every message, which may take longer than one request should. */
    @Bean
    RestClient streamClient(RestClient.Builder builder, HttpClient httpClient, FacadeProperties properties) {
        return client(builder, httpClient, properties.streamTimeout());
    }

    private static RestClient client(RestClient.Builder builder, HttpClient httpClient, Duration deadline) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
        requests.setReadTimeout(deadline);
        return builder.clone().requestFactory(requests).build();
    }

    @Bean
    InstanceDirectory instanceDirectory(InstanceSource source, FacadeProperties properties) {
        InstanceDirectory directory = new InstanceDirectory(source);
        directory.start(properties.instancesRefresh());
        return directory;
    }

    @Bean
    MessageService messageService(
            InstanceDirectory directory,
            LoggingGateway logging,
            MessagesGateway messages,
            FacadeProperties properties) {
        Failover failover =
                new Failover(properties.attemptsPerInstance(), properties.retryBackoff(), properties.circuitOpenFor());
        return new MessageService(directory, logging, messages, failover, new Random());
    }
}
