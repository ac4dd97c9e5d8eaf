package dev.hazelog.facade.http;

import dev.hazelog.shared.http.MessageRules;
import dev.hazelog.shared.http.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Reads a body of {@code POST /messages}: JSON, one {@code {"msg": "..."}} or an array of them (a batch), or plain
 * text. Every message is checked before any is stored; a problem names the message it is about.
 */
final class MessageBodies {

    private MessageBodies() {}

    static boolean isBatch(JsonNode body) {
        return body.isArray();
    }

    static String single(JsonNode body, MessageRules rules) {
        if (!body.isObject()) {
            throw ProblemException.badRequest(
                    "Malformed body", "The body must be a JSON object {\"msg\": ...} or an array of them.");
        }
        return text(body, rules);
    }

    static List<String> batch(JsonNode body, MessageRules rules) {
        rules.checkBatchSize(body.size());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode message = body.get(i);
            try {
                if (!message.isObject()) {
                    throw ProblemException.badRequest("Malformed body", "It must be a JSON object {\"msg\": ...}.");
                }
                texts.add(text(message, rules));
            } catch (ProblemException e) {
                throw new ProblemException(e.status(), e.title(), "Message %d: %s".formatted(i, e.getMessage()));
            }
        }
        return texts;
    }

    private static String text(JsonNode message, MessageRules rules) {
        JsonNode msg = message.get("msg");
        if (msg != null && !msg.isNull() && !msg.isString()) {
            throw ProblemException.badRequest("Malformed body", "The field \"msg\" has the wrong type.");
        }
        return rules.check(msg == null || msg.isNull() ? null : msg.asString());
    }

    /** Text is UTF-8 unless the request says otherwise; bytes that are not valid in that charset are refused. */
    static String plainText(byte[] body, MediaType contentType) {
        Charset charset = contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("Malformed text", "The body is not valid " + charset.name() + ".");
        }
    }
}
