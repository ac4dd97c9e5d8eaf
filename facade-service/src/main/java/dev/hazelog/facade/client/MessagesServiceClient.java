package dev.hazelog.facade.client;

import dev.hazelog.facade.domain.MessagesGateway;
import dev.hazelog.facade.domain.RefusedException;
import dev.hazelog.facade.domain.ServiceUnavailableException;
import dev.hazelog.shared.wire.StaticText;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

@Component
class MessagesServiceClient implements MessagesGateway {

    private final RestClient http;

    MessagesServiceClient(RestClient serviceClient) {
        this.http = serviceClient;
    }

    @Override
    public String staticText(URI messagesService) {
        try {
            return ServiceCalls.call(
                            messagesService,
                            http.get().uri(messagesService.resolve("/message_handler")),
                            StaticText.class)
                    .staticText();
        } catch (RefusedException e) {
            throw new ServiceUnavailableException(messagesService, "refused /message_handler: " + e.getMessage());
        }
    }
}
