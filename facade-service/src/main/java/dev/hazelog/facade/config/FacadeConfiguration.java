package dev.hazelog.facade.config;

import dev.hazelog.facade.domain.Failover;
import dev.hazelog.facade.domain.InstanceDirectory;
import dev.hazelog.facade.domain.InstanceSource;
import dev.hazelog.facade.domain.LoggingGateway;
import dev.hazelog.facade.domain.MessageService;
import dev.hazelog.facade.domain.MessagesGateway;
import java.net.http.HttpClient;
import java.util.Random;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class FacadeConfiguration {

    /** One client for every call to another service: pooled, kept-alive connections, explicit timeouts. */
    @Bean
    RestClient serviceClient(RestClient.Builder builder, FacadeProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.requestTimeout());
        return builder.requestFactory(requests).build();
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
