package dev.hazelog.facade.http;

import dev.hazelog.facade.domain.MessageReader;
import dev.hazelog.facade.domain.MessageReader.AllMessages;
import dev.hazelog.facade.domain.MessageWriter;
import dev.hazelog.facade.domain.MessageWriter.Receipt;
import dev.hazelog.shared.http.JsonStreams;
import dev.hazelog.shared.http.MessageIds;
import dev.hazelog.shared.http.MessageRules;
import dev.hazelog.shared.http.Paging;
import dev.hazelog.shared.http.ProblemException;
import dev.hazelog.shared.http.SearchParameters;
import dev.hazelog.shared.wire.MessageList;
import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The resource API: {@code POST /messages} (JSON or plain text), {@code GET /messages}, {@code GET /messages/{id}}. */
@RestController
class MessagesController {

    /** Both handlers of GET /messages are one operation in the API document. */
    private static final String EVERY_MESSAGE_OR_A_PAGE = "Every message in acceptance order, or one page of them after"
            + " a cursor (?limit=&after=), of a search when it gives criteria (?contains=&since=&until=&storedBy=)";

    private final MessageWriter writer;
    private final MessageReader reader;
    private final MessageRules rules;
    private final JsonMapper json;

    MessagesController(MessageWriter writer, MessageReader reader, MessageRules rules, JsonMapper json) {
        this.writer = writer;
        this.reader = reader;
        this.rules = rules;
        this.json = json;
    }

    /**
     * {@code {"msg": "..."}}, or an array of them: a batch stored in one call, answered in the same order. Every
     * storing route says what it produces, so a client that accepts none of it gets its 406 before anything is stored.
     */
    @Operation(summary = "Store a message, or a batch (a JSON array) in one call")
    @MessagesCreated
    @StoreProblems
    @PostMapping(
            path = "/messages",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> createFromJson(
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String idempotencyKey) {
        if (MessageBodies.isBatch(body)) {
            List<Receipt> receipts =
                    writer.sendAll(MessageBodies.batch(body, rules), IdempotencyKeys.check(idempotencyKey));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new CreatedBatch(receipts.stream().map(Created::of).toList()));
        }
        return created(MessageBodies.single(body, rules), idempotencyKey);
    }

    @Operation(summary = "Store a message sent as plain text")
    @MessagesCreated
    @StoreProblems
    @PostMapping(path = "/messages", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> createFromText(
            @RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String idempotencyKey) {
        return created(MessageBodies.plainText(body, contentType), idempotencyKey);
    }

    /** Every message, streamed, and the messages service's part: {"messages": [...], "messagesService": {...}}. */
    @Operation(summary = EVERY_MESSAGE_OR_A_PAGE)
    @ApiResponse(
            responseCode = "200",
            description = "Without limit and after: every message, streamed, with the messages service's answer")
    @ReadProblems
    @ApiResponse(responseCode = "507", description = "Too many to read at once; read them page by page")
    @GetMapping(
            path = "/messages",
            params = {"!limit", "!after", "!contains", "!since", "!until", "!storedBy"})
    ResponseEntity<StreamingResponseBody> all() {
        AllMessages all = reader.all();
        return JsonStreams.list(json, "messages", all.messages(), Map.of("messagesService", all.messagesService()));
    }

    /**
     * One page, {@code {"messages": [...], "next": "<id>"}}, of the messages that meet every criterion given; every
     * parameter may be left out.
     */
    @Operation(summary = EVERY_MESSAGE_OR_A_PAGE)
    @ApiResponse(
            responseCode = "200",
            description = "With any parameter: one page, and the cursor of the next",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description = "A limit out of range, an unknown or malformed cursor, or a malformed criterion: the problem"
                    + " names the parameter")
    @ReadProblems
    @GetMapping("/messages")
    MessagePage page(
            @Parameter(description = "Messages on the page, 1 to 1000 (100 if left out)")
                    @RequestParam(name = "limit", required = false)
                    @Nullable
                    Integer limit,
            @Parameter(description = "The next page's cursor: the id the last page gave as next")
                    @RequestParam(name = "after", required = false)
                    @Nullable
                    String after,
            @Parameter(description = "Text that contains this, in any case (1 to 1000 characters)")
                    @RequestParam(name = SearchParameters.CONTAINS, required = false)
                    @Nullable
                    String contains,
            @Parameter(description = "Accepted at or after this ISO-8601 instant, such as 2026-12-03T07:00:00Z")
                    @RequestParam(name = SearchParameters.SINCE, required = false)
                    @Nullable
                    String since,
            @Parameter(description = "Accepted before this ISO-8601 instant")
                    @RequestParam(name = SearchParameters.UNTIL, required = false)
                    @Nullable
                    String until,
            @Parameter(description = "Stored by this logging instance, such as logging-2")
                    @RequestParam(name = SearchParameters.STORED_BY, required = false)
                    @Nullable
                    String storedBy) {
        return reader.page(
                Paging.after(after), Paging.limit(limit), SearchParameters.parse(contains, since, until, storedBy));
    }

    /** The last {@code ?limit=} messages (default and maximum as for a page), in acceptance order. */
    @Operation(summary = "The latest messages, in acceptance order")
    @ApiResponse(responseCode = "200", description = "The messages", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "A limit out of range")
    @ReadProblems
    @GetMapping("/messages/latest")
    MessageList latest(@RequestParam(name = "limit", required = false) @Nullable Integer limit) {
        return new MessageList(reader.latest(Paging.limit(limit)));
    }

    @Operation(summary = "One message by its id")
    @ApiResponse(responseCode = "200", description = "The message", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "The id is not a UUID")
    @ApiResponse(responseCode = "404", description = "No message has this id")
    @ReadProblems
    @GetMapping("/messages/{id}")
    MessageView one(@PathVariable("id") String id) {
        UUID uuid = MessageIds.parse("id", id);
        return reader.find(uuid).orElseThrow(() -> ProblemException.messageNotFound(uuid));
    }

    /** 201 for a new message and for a repeat alike, so a client retrying after a lost answer sees the same one. */
    private ResponseEntity<Created> created(String text, @Nullable String idempotencyKey) {
        Receipt receipt = writer.send(rules.check(text), IdempotencyKeys.check(idempotencyKey));
        return ResponseEntity.created(URI.create("/messages/" + receipt.id())).body(Created.of(receipt));
    }

    record Created(String id, String storedBy, boolean repeat) {

        static Created of(Receipt receipt) {
            return new Created(receipt.id().toString(), receipt.storedBy(), receipt.repeat());
        }
    }

    record CreatedBatch(List<Created> messages) {}
}
