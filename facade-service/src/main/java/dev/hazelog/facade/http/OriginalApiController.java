package dev.hazelog.facade.http;

import dev.hazelog.facade.domain.MessageReader;
import dev.hazelog.facade.domain.MessageReader.AllMessages;
import dev.hazelog.facade.domain.MessageWriter;
import dev.hazelog.facade.domain.MessageWriter.Receipt;
import dev.hazelog.shared.http.JsonStreams;
import dev.hazelog.shared.http.MessageRules;
import dev.hazelog.shared.wire.MessageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** The original system's routes, with its names and shapes, so its clients keep working. */
@RestController
class OriginalApiController {

    private final MessageWriter writer;
    private final MessageReader reader;
    private final MessageRules rules;
    private final JsonMapper json;

    OriginalApiController(MessageWriter writer, MessageReader reader, MessageRules rules, JsonMapper json) {
        this.writer = writer;
        this.reader = reader;
        this.rules = rules;
        this.json = json;
    }

    /**
     * {@code {"msg": "..."}} → {@code {"status": "200", "id": "...", "storedBy": "...", "repeat": false}}; with an
     * {@code Idempotency-Key} header, a repeat gets the same id and {@code "repeat": true}.
     */
    @Operation(summary = "Store a message (the original system's route)")
    @ApiResponse(responseCode = "200", description = "Stored", useReturnTypeSchema = true)
    @StoreProblems
    @PostMapping(
            path = "/send_to_logging_service",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SendAnswer send(
            @RequestBody SendRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String idempotencyKey) {
        Receipt receipt = writer.send(rules.check(request.msg()), IdempotencyKeys.check(idempotencyKey));
        return new SendAnswer("200", receipt.id().toString(), receipt.storedBy(), receipt.repeat());
    }

    /** {@code {"all_msgs": "<messages joined by ', '>\n<messages service text>"}}, streamed. */
    @Operation(summary = "Every message joined into one text, and the messages service's answer (original route)")
    @ApiResponse(
            responseCode = "200",
            description = "{\"all_msgs\": \"<messages joined by ', '>\\n<messages service text>\"}")
    @ReadProblems
    @ApiResponse(responseCode = "507", description = "Too many to read at once; read them page by page")
    @GetMapping("/get_resulted_messages")
    ResponseEntity<StreamingResponseBody> resultedMessages() {
        AllMessages all = reader.all();
        return JsonStreams.joined(
                json,
                "all_msgs",
                all.messages().map(MessageView::msg),
                ", ",
                "\n" + all.messagesService().text());
    }

    record SendAnswer(String status, String id, String storedBy, boolean repeat) {}
}
