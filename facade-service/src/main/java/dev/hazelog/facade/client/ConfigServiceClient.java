package dev.hazelog.facade.client;

import dev.hazelog.facade.config.FacadeProperties;
import dev.hazelog.facade.domain.InstanceSource;
import dev.hazelog.facade.domain.Instances;
import dev.hazelog.facade.domain.Instances.LoggingInstance;
import dev.hazelog.facade.domain.RefusedException;
import dev.hazelog.facade.domain.ServiceUnavailableException;
import dev.hazelog.shared.wire.InstanceList;
import dev.hazelog.shared.wire.InstanceStatus;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Reads {@code GET /instances}: every instance with the health the config service last saw. */
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
                    configService, http.get().uri(configService.resolve("/instances")), InstanceList.class));
        } catch (RefusedException | IllegalArgumentException e) {
            throw new ServiceUnavailableException(configService, "unusable answer to /instances");
        }
    }

    /** Jackson leaves a missing field null, whatever the record declares. */
    @SuppressWarnings("ConstantValue")
    private static Instances instances(InstanceList list) {
        if (list.instances() == null) {
            throw new IllegalArgumentException("instances missing");
        }
        List<LoggingInstance> logging = list.instances().stream()
                .filter(instance -> InstanceStatus.LOGGING.equals(instance.role()))
                .map(instance ->
                        new LoggingInstance(URI.create(instance.url()), !InstanceStatus.DOWN.equals(instance.state())))
                .toList();
        URI messages = list.instances().stream()
                .filter(instance -> InstanceStatus.MESSAGES.equals(instance.role()))
                .map(instance -> URI.create(instance.url()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no messages service"));
        return new Instances(logging, messages, list.instances());
    }

    @Override
    public String describe() {
        return configService.toString();
    }
}
