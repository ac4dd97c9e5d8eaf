package dev.hazelog.logging.http;

import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.MessageStore.NewMessage;
import dev.hazelog.logging.domain.MessageStore.StoreResult;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.shared.http.JsonStreams;
import dev.hazelog.shared.http.MessageIds;
import dev.hazelog.shared.http.MessageRules;
import dev.hazelog.shared.http.Paging;
import dev.hazelog.shared.http.ProblemException;
import dev.hazelog.shared.http.WriteToken;
import dev.hazelog.shared.wire.FetchAnswer;
import dev.hazelog.shared.wire.FetchBatch;
import dev.hazelog.shared.wire.FetchBatchAnswer;
import dev.hazelog.shared.wire.FetchRequest;
import dev.hazelog.shared.wire.MessageList;
import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** The seed's routes ({@code /fetching_message}, {@code /get_fetched_messages}) and the resource routes. */
@RestController
class FetchingController {

    private final MessageStore store;
    private final MessageRules rules;
    private final WriteToken writeToken;
    private final JsonMapper json;

    FetchingController(MessageStore store, MessageRules rules, WriteToken writeToken, JsonMapper json) {
        this.store = store;
        this.rules = rules;
        this.writeToken = writeToken;
        this.json = json;
    }

    /** Open to anyone unless {@code hazelog.security.write-token} is set; then only to callers that send it. */
    @PostMapping(path = "/fetching_message", consumes = MediaType.APPLICATION_JSON_VALUE)
    FetchAnswer fetchMessage(
            @RequestBody FetchRequest request,
            @RequestHeader(name = WriteToken.HEADER, required = false) @Nullable String token) {
        writeToken.check(token);
        NewMessage message = checked(request);
        return answer(store.store(message.id(), message.text(), request.notBefore()));
    }

    /** Several messages in one call; every one is checked before any is stored. */
    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    FetchBatchAnswer fetchBatch(
            @RequestBody FetchBatch batch,
            @RequestHeader(name = WriteToken.HEADER, required = false) @Nullable String token) {
        writeToken.check(token);
        List<FetchRequest> requests = batch.messages() == null ? List.of() : batch.messages();
        rules.checkBatchSize(requests.size());
        List<NewMessage> messages = requests.stream().map(this::checked).toList();
        return new FetchBatchAnswer(store.storeAll(messages, batch.notBefore()).stream()
                .map(FetchingController::answer)
                .toList());
    }

    private NewMessage checked(FetchRequest request) {
        return new NewMessage(MessageIds.parse("UUID", request.uuid()), rules.check(request.msg()));
    }

    private static FetchAnswer answer(StoreResult result) {
        StoredMessage message = result.message();
        String status = result.duplicate() ? FetchAnswer.DUPLICATE : FetchAnswer.STORED;
        return new FetchAnswer(status, message.id(), message.storedBy(), message.acceptedAt());
    }

    /** {@code {"msgs": "m1, m2, ..."}}, streamed. */
    @GetMapping("/get_fetched_messages")
    ResponseEntity<StreamingResponseBody> fetchedMessages() {
        return JsonStreams.joined(json, "msgs", store.all().stream().map(StoredMessage::text), ", ", "");
    }

    /** Every message, streamed. */
    @GetMapping(
            path = "/messages",
            params = {"!limit", "!after"})
    ResponseEntity<StreamingResponseBody> messages() {
        return JsonStreams.list(json, "messages", store.all().stream().map(FetchingController::view), Map.of());
    }

    /** One page: {@code ?limit=&after=}, either may be left out. */
    @GetMapping("/messages")
    MessagePage page(
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "after", required = false) @Nullable String after) {
        MessageStore.Page page = store.page(Paging.after(after), Paging.limit(limit));
        List<MessageView> messages =
                page.messages().stream().map(FetchingController::view).toList();
        return new MessagePage(messages, page.more() ? messages.getLast().id() : null);
    }

    /** The latest messages, {@code ?limit=} of them (default and maximum as for a page), in acceptance order. */
    @GetMapping("/messages/latest")
    MessageList latest(@RequestParam(name = "limit", required = false) @Nullable Integer limit) {
        return new MessageList(store.latest(Paging.limit(limit)).stream()
                .map(FetchingController::view)
                .toList());
    }

    @GetMapping("/messages/{id}")
    MessageView message(@PathVariable("id") String id) {
        UUID uuid = MessageIds.parse("id", id);
        return store.find(uuid).map(FetchingController::view).orElseThrow(() -> ProblemException.messageNotFound(uuid));
    }

    private static MessageView view(StoredMessage message) {
        return new MessageView(message.id(), message.text(), message.acceptedAt(), message.storedBy());
    }
}
