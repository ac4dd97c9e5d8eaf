package dev.hazelog.facade.http;

import dev.hazelog.facade.config.FacadeProperties;
import dev.hazelog.facade.domain.InstanceSource;
import dev.hazelog.facade.domain.Instances;
import dev.hazelog.facade.domain.ServiceUnavailableException;
import dev.hazelog.shared.http.ProblemException;
import dev.hazelog.shared.wire.AllPorts;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

@Component
class ConfigServiceClient implements InstanceSource {

    private final RestClient http;
    private final URI configService;

    ConfigServiceClient(RestClient serviceClient, FacadeProperties properties) {
        this.http = serviceClient;
        this.configService = properties.configServiceUrl();
    }

    @Override
    public Instances fetch() {
        try {
            return instances(ServiceCalls.call(
                    configService, http.get().uri(configService.resolve("/all_ports")), AllPorts.class));
        } catch (ProblemException | IllegalArgumentException e) {
            throw new ServiceUnavailableException(configService, "unusable answer to /all_ports");
        }
    }

    /** Jackson leaves a missing field null, whatever the record declares. */
    @SuppressWarnings("ConstantValue")
    private static Instances instances(AllPorts ports) {
        if (ports.loggingServices() == null || ports.messagesService() == null) {
            throw new IllegalArgumentException("log_s or mes_s missing");
        }
        return new Instances(
                ports.loggingServices().stream().map(URI::create).toList(), URI.create(ports.messagesService()));
    }

    @Override
    public String describe() {
        return configService.toString();
    }
}
