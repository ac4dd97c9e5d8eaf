package dev.hazelog.facade.domain;

import java.net.URI;

/** The messages service, called over HTTP. */
public interface MessagesGateway {

    /** @throws ServiceUnavailableException when the service does not answer or fails */
    String staticText(URI messagesService);
}
