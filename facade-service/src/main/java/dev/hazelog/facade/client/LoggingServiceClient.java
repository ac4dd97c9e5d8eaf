package dev.hazelog.facade.client;

import dev.hazelog.facade.domain.LoggingGateway;
import dev.hazelog.facade.domain.RefusedException;
import dev.hazelog.facade.domain.Stored;
import dev.hazelog.shared.http.SearchParameters;
import dev.hazelog.shared.http.WriteToken;
import dev.hazelog.shared.wire.MemberSnapshot;
import dev.hazelog.shared.wire.MessageList;
import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageSearch;
import dev.hazelog.shared.wire.MessageView;
import dev.hazelog.shared.wire.StoreAnswer;
import dev.hazelog.shared.wire.StoreBatch;
import dev.hazelog.shared.wire.StoreBatchAnswer;
import dev.hazelog.shared.wire.StoreRequest;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

@Component
class LoggingServiceClient implements LoggingGateway {

    private final RestClient http;
    private final WriteToken writeToken;
    private final JsonMapper json;

    LoggingServiceClient(RestClient serviceClient, WriteToken writeToken, JsonMapper json) {
        this.http = serviceClient;
        this.writeToken = writeToken;
        this.json = json;
    }

    @Override
    public Stored store(URI instance, UUID id, String text, @Nullable Instant notBefore) {
        return stored(ServiceCalls.call(
                instance,
                withToken(http.post().uri(instance.resolve("/fetching_message")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new StoreRequest(id.toString(), text, notBefore)),
                StoreAnswer.class));
    }

    @Override
    public List<Stored> storeAll(URI instance, List<NewMessage> messages, @Nullable Instant notBefore) {
        List<StoreRequest> requests = messages.stream()
                .map(message -> new StoreRequest(message.id().toString(), message.text(), null))
                .toList();
        return ServiceCalls.call(
                        instance,
                        withToken(http.post().uri(instance.resolve("/messages")))
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new StoreBatch(requests, notBefore)),
                        StoreBatchAnswer.class)
                .results()
                .stream()
                .map(LoggingServiceClient::stored)
                .toList();
    }

    private static Stored stored(StoreAnswer answer) {
        return new Stored(
                UUID.fromString(answer.id()),
                answer.storedBy(),
                answer.acceptedAt(),
                StoreAnswer.DUPLICATE.equals(answer.status()));
    }

    @Override
    public Stream<MessageView> all(URI instance) {
        InputStream body = ServiceCalls.open(instance, http.get().uri(instance.resolve("/messages")));
        return MessageStreams.read(json, body, "messages");
    }

    @Override
    public MessagePage page(URI instance, @Nullable UUID after, int limit, MessageSearch search) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("limit", limit);
        values.put("after", after);
        values.put(SearchParameters.CONTAINS, search.contains());
        values.put(SearchParameters.SINCE, search.since());
        values.put(SearchParameters.UNTIL, search.until());
        values.put(SearchParameters.STORED_BY, search.storedBy());
        return ServiceCalls.call(instance, http.get().uri(messagesQuery(instance, values)), MessagePage.class);
    }

    @Override
    public MessagePage settledPage(URI instance, @Nullable UUID after, int limit) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("limit", limit);
        values.put("after", after);
        values.put("settled", true);
        return ServiceCalls.call(instance, http.get().uri(messagesQuery(instance, values)), MessagePage.class);
    }

    /**
     * {@code /messages} with the values given (those left null out) as URI variables, which are encoded whole: a + or
     * & in a searched text stays itself.
     */
    private static URI messagesQuery(URI instance, Map<String, @Nullable Object> values) {
        values.values().removeIf(Objects::isNull);
        UriComponentsBuilder query = UriComponentsBuilder.fromUri(instance.resolve("/messages"));
        values.keySet().forEach(name -> query.queryParam(name, "{" + name + "}"));
        return query.encode().buildAndExpand(values).toUri();
    }

    @Override
    public List<MessageView> latest(URI instance, int limit) {
        URI uri = UriComponentsBuilder.fromUri(instance.resolve("/messages/latest"))
                .queryParam("limit", limit)
                .build()
                .toUri();
        return ServiceCalls.call(instance, http.get().uri(uri), MessageList.class)
                .messages();
    }

    @Override
    public MemberSnapshot member(URI instance) {
        return ServiceCalls.call(instance, http.get().uri(instance.resolve("/cluster")), MemberSnapshot.class);
    }

    private RestClient.RequestBodySpec withToken(RestClient.RequestBodySpec request) {
        return writeToken.enabled() ? request.header(WriteToken.HEADER, writeToken.writeToken()) : request;
    }

    @Override
    public Optional<MessageView> find(URI instance, UUID id) {
        try {
            return Optional.of(ServiceCalls.call(
                    instance, http.get().uri(instance.resolve("/messages/" + id)), MessageView.class));
        } catch (RefusedException e) {
            if (e.status() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
