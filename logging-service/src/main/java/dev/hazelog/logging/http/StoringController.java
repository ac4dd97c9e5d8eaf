package dev.hazelog.logging.http;

import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.MessageStore.NewMessage;
import dev.hazelog.logging.domain.MessageStore.StoreResult;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.shared.http.MessageIds;
import dev.hazelog.shared.http.MessageRules;
import dev.hazelog.shared.http.WriteToken;
import dev.hazelog.shared.wire.StoreAnswer;
import dev.hazelog.shared.wire.StoreBatch;
import dev.hazelog.shared.wire.StoreBatchAnswer;
import dev.hazelog.shared.wire.StoreRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routes that store messages: the original system's {@code POST /fetching_message}, and {@code POST /messages}
 * for several at once. Open to anyone unless {@code hazelog.security.write-token} is set; then only to callers that
 * send it.
 */
@RestController
class StoringController {

    private final MessageStore store;
    private final MessageRules rules;
    private final WriteToken writeToken;

    StoringController(MessageStore store, MessageRules rules, WriteToken writeToken) {
        this.store = store;
        this.rules = rules;
        this.writeToken = writeToken;
    }

    @PostMapping(
            path = "/fetching_message",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    StoreAnswer storeMessage(
            @RequestBody StoreRequest request,
            @RequestHeader(name = WriteToken.HEADER, required = false) @Nullable String token) {
        writeToken.check(token);
        NewMessage message = checked(request);
        return answer(store.store(message.id(), message.text(), request.notBefore()));
    }

    /** Several messages in one call; every one is checked before any is stored. */
    @PostMapping(
            path = "/messages",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    StoreBatchAnswer storeBatch(
            @RequestBody StoreBatch batch,
            @RequestHeader(name = WriteToken.HEADER, required = false) @Nullable String token) {
        writeToken.check(token);
        List<StoreRequest> requests = batch.messages() == null ? List.of() : batch.messages();
        rules.checkBatchSize(requests.size());
        List<NewMessage> messages = requests.stream().map(this::checked).toList();
        return new StoreBatchAnswer(store.storeAll(messages, batch.notBefore()).stream()
                .map(StoringController::answer)
                .toList());
    }

    private NewMessage checked(StoreRequest request) {
        return new NewMessage(MessageIds.parse("UUID", request.uuid()), rules.check(request.msg()));
    }

    private static StoreAnswer answer(StoreResult result) {
        StoredMessage message = result.message();
        String status = result.duplicate() ? StoreAnswer.DUPLICATE : StoreAnswer.STORED;
        return new StoreAnswer(status, message.id(), message.storedBy(), message.acceptedAt());
    }
}
