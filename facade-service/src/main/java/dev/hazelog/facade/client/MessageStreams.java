package dev.hazelog.facade.client;

import dev.hazelog.shared.wire.MessageView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code {"<field>": [message, message, ...]}} one message at a time, as the bytes arrive. */
final class MessageStreams {

    private MessageStreams() {}

    /** The stream closes the body when it is closed. */
    static Stream<MessageView> read(JsonMapper json, InputStream body, String field) {
        JsonParser parser = json.createParser(body);
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT
                    || parser.nextToken() != JsonToken.PROPERTY_NAME
                    || !field.equals(parser.currentName())
                    || parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("expected {\"" + field + "\": [...]}");
            }
        } catch (RuntimeException e) {
            close(parser, body);
            throw e;
        }
        Iterator<MessageView> messages = new Iterator<>() {
            // One element at a time: what follows it (the next element, or the array's end) is not an error.
            private final ObjectReader reader =
                    json.readerFor(MessageView.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            private JsonToken next = parser.nextToken();

            @Override
            public boolean hasNext() {
                return next == JsonToken.START_OBJECT;
            }

            @Override
            public MessageView next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                MessageView message = reader.readValue(parser);
                next = parser.nextToken();
                return message;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(messages, Spliterator.ORDERED), false)
                .onClose(() -> close(parser, body));
    }

    private static void close(JsonParser parser, InputStream body) {
        try (body) {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
