package dev.hazelog.logging.http;

import dev.hazelog.logging.domain.MessageStore;
import dev.hazelog.logging.domain.ReadHorizon;
import dev.hazelog.logging.domain.StoredMessage;
import dev.hazelog.shared.http.JsonStreams;
import dev.hazelog.shared.http.MessageIds;
import dev.hazelog.shared.http.Paging;
import dev.hazelog.shared.http.ProblemException;
import dev.hazelog.shared.http.SearchParameters;
import dev.hazelog.shared.wire.MessageList;
import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageSearch;
import dev.hazelog.shared.wire.MessageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes that read messages: the original system's {@code GET /get_fetched_messages}, and {@code GET /messages}
 * whole, by page (of a search, too), the latest, or one by id.
 */
@RestController
class ReadingController {

    private final MessageStore store;
    private final ReadHorizon horizon;
    private final JsonMapper json;

    ReadingController(MessageStore store, ReadHorizon horizon, JsonMapper json) {
        this.store = store;
        this.horizon = horizon;
        this.json = json;
    }

    /** {@code {"msgs": "m1, m2, ..."}}, streamed. */
    @GetMapping("/get_fetched_messages")
    ResponseEntity<StreamingResponseBody> allTexts() {
        return JsonStreams.joined(json, "msgs", store.all().map(StoredMessage::text), ", ", "");
    }

    /** Every message, streamed. */
    @GetMapping(
            path = "/messages",
            params = {"!limit", "!after", "!contains", "!since", "!until", "!storedBy"})
    ResponseEntity<StreamingResponseBody> messages() {
        return JsonStreams.list(json, "messages", store.all().map(ReadingController::view), Map.of());
    }

    /**
     * One page of the messages a search wants: {@code ?limit=&after=&contains=&since=&until=&storedBy=}, all optional.
     * With {@code settled=true} (how the facade follows the log) it stops where every member's writes have settled, so
     * that no message can later appear before its end.
     */
    @GetMapping("/messages")
    MessagePage page(
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "after", required = false) @Nullable String after,
            @RequestParam(name = SearchParameters.CONTAINS, required = false) @Nullable String contains,
            @RequestParam(name = SearchParameters.SINCE, required = false) @Nullable String since,
            @RequestParam(name = SearchParameters.UNTIL, required = false) @Nullable String until,
            @RequestParam(name = SearchParameters.STORED_BY, required = false) @Nullable String storedBy,
            @RequestParam(name = "settled", defaultValue = "false") boolean settled) {
        MessageSearch search = SearchParameters.parse(contains, since, until, storedBy);
        if (settled) {
            search = settledPart(search);
        }
        MessageStore.Page page = store.page(Paging.after(after), Paging.limit(limit), search);
        List<MessageView> messages =
                page.messages().stream().map(ReadingController::view).toList();
        return new MessagePage(messages, page.more() ? messages.getLast().id() : null);
    }

    private MessageSearch settledPart(MessageSearch search) {
        Instant settledUntil = horizon.settledUntil();
        Instant until = search.until() == null || settledUntil.isBefore(search.until()) ? settledUntil : search.until();
        return new MessageSearch(search.contains(), search.since(), until, search.storedBy());
    }

    /** The latest messages, {@code ?limit=} of them (default and maximum as for a page), in acceptance order. */
    @GetMapping("/messages/latest")
    MessageList latest(@RequestParam(name = "limit", required = false) @Nullable Integer limit) {
        return new MessageList(store.latest(Paging.limit(limit)).stream()
                .map(ReadingController::view)
                .toList());
    }

    @GetMapping("/messages/{id}")
    MessageView message(@PathVariable("id") String id) {
        UUID uuid = MessageIds.parse("id", id);
        return store.find(uuid).map(ReadingController::view).orElseThrow(() -> ProblemException.messageNotFound(uuid));
    }

    private static MessageView view(StoredMessage message) {
        return new MessageView(message.id(), message.text(), message.acceptedAt(), message.storedBy());
    }
}
