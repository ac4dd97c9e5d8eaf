package dev.hazelog.logging.http;

import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.MessageStore.NewMessage;
import dev.hazelog.logging.domain.MessageStore.StoreResult;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.shared.http.MessageIds;
import dev.hazelog.shared.http.MessageRules;
import dev.hazelog.shared.http.ProblemException;
import dev.hazelog.shared.http.WriteToken;
import dev.hazelog.shared.wire.FetchAnswer;
import dev.hazelog.shared.wire.FetchBatch;
import dev.hazelog.shared.wire.FetchBatchAnswer;
import dev.hazelog.shared.wire.FetchRequest;
import dev.hazelog.shared.wire.FetchedMessages;
import dev.hazelog.shared.wire.MessageList;
import dev.hazelog.shared.wire.MessageView;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The seed's routes ({@code /fetching_message}, {@code /get_fetched_messages}) and the resource routes. */
@RestController
class FetchingController {

    private final MessageStore store;
    private final MessageRules rules;
    private final WriteToken writeToken;

    FetchingController(MessageStore store, MessageRules rules, WriteToken writeToken) {
        this.store = store;
        this.rules = rules;
        this.writeToken = writeToken;
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

    @GetMapping("/get_fetched_messages")
    FetchedMessages fetchedMessages() {
        return new FetchedMessages(store.all().stream().map(StoredMessage::text).collect(Collectors.joining(", ")));
    }

    @GetMapping("/messages")
    MessageList messages() {
        return new MessageList(
                store.all().stream().map(FetchingController::view).toList());
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
