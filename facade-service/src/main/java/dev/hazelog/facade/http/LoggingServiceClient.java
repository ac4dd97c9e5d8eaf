package dev.hazelog.facade.http;

import dev.hazelog.facade.domain.LoggingGateway;
import dev.hazelog.shared.http.ProblemException;
import dev.hazelog.shared.http.WriteToken;
import dev.hazelog.shared.wire.FetchAnswer;
import dev.hazelog.shared.wire.FetchBatch;
import dev.hazelog.shared.wire.FetchBatchAnswer;
import dev.hazelog.shared.wire.FetchRequest;
import dev.hazelog.shared.wire.MessageList;
import dev.hazelog.shared.wire.MessageView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

@Component
class LoggingServiceClient implements LoggingGateway {

    private final RestClient http;
    private final WriteToken writeToken;

    LoggingServiceClient(RestClient serviceClient, WriteToken writeToken) {
        this.http = serviceClient;
        this.writeToken = writeToken;
    }

    @Override
    public FetchAnswer store(URI instance, UUID id, String text, @Nullable Instant notBefore) {
        return ServiceCalls.call(
                instance,
                withToken(http.post().uri(instance.resolve("/fetching_message")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new FetchRequest(id.toString(), text, notBefore)),
                FetchAnswer.class);
    }

    @Override
    public List<FetchAnswer> storeAll(URI instance, List<NewMessage> messages, @Nullable Instant notBefore) {
        List<FetchRequest> requests = messages.stream()
                .map(message -> new FetchRequest(message.id().toString(), message.text(), null))
                .toList();
        return ServiceCalls.call(
                        instance,
                        withToken(http.post().uri(instance.resolve("/messages")))
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new FetchBatch(requests, notBefore)),
                        FetchBatchAnswer.class)
                .results();
    }

    @Override
    public List<MessageView> all(URI instance) {
        return ServiceCalls.call(instance, http.get().uri(instance.resolve("/messages")), MessageList.class)
                .messages();
    }

    private RestClient.RequestBodySpec withToken(RestClient.RequestBodySpec request) {
        return writeToken.enabled() ? request.header(WriteToken.HEADER, writeToken.writeToken()) : request;
    }

    @Override
    public Optional<MessageView> find(URI instance, UUID id) {
        try {
            return Optional.of(ServiceCalls.call(
                    instance, http.get().uri(instance.resolve("/messages/" + id)), MessageView.class));
        } catch (ProblemException e) {
            if (e.status().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
