package dev.hazelog.facade.http;

import dev.hazelog.shared.http.MessageRules;
import dev.hazelog.shared.http.ProblemException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON body of {@code POST /messages}: one {@code {"msg": "..."}}, or an array of them (a batch). Every
 * message is checked before any is stored; a problem names the message it is about.
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
}
