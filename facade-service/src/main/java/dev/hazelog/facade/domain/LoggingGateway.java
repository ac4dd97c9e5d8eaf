package dev.hazelog.facade.domain;

import dev.hazelog.shared.wire.FetchAnswer;
import dev.hazelog.shared.wire.MessageView;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One logging service, called over HTTP. Every method throws {@link ServiceUnavailableException} when the instance
 * does not answer or fails; a refusal of the request itself (a 4xx) is thrown as the service's problem.
 */
public interface LoggingGateway {

    FetchAnswer store(URI instance, UUID id, String text);

    List<MessageView> all(URI instance);

    Optional<MessageView> find(URI instance, UUID id);
}
