package dev.hazelog.shared.http;

import java.io.OutputStream;
import java.io.Reader;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers that can hold every stored message, written one message at a time as they come, so that the HTTP layers
 * (a logging service's answer, the facade relaying it) never hold the whole answer as text. What they stream from
 * may: a logging service's store reads everything in one query. Each closes its stream when done, which releases
 * whatever it reads from.
 *
 * <p>An answer that fails half-way stays unfinished JSON: its arrays and objects are not closed for it, so no reader
 * (the facade relaying a logging service, or a client) can mistake the messages written so far for all of them. Its
 * failure leaves as a {@link BrokenOffException}, which no exception handler turns into a problem body: one written
 * now would be spliced onto the answer already sent.
 */
public final class JsonStreams {

    private JsonStreams() {}

    /** {@code {"<field>": [item, item, ...], <more properties>}}. */
    public static ResponseEntity<StreamingResponseBody> list(
            JsonMapper json, String field, Stream<?> items, Map<String, ?> more) {
        return ok(out -> {
            try (items;
                    JsonGenerator generator = unfinishedOnFailure(json, out)) {
                generator.writeStartObject();
                generator.writeName(field);
                generator.writeStartArray();
                items.forEach(generator::writePOJO);
                generator.writeEndArray();
                more.forEach(generator::writePOJOProperty);
                generator.writeEndObject();
            } catch (RuntimeException e) {
                throw new BrokenOffException(e);
            }
        });
    }

    /** {@code {"<field>": "<text><separator><text>...<suffix>"}}: one JSON string, written piece by piece. */
    public static ResponseEntity<StreamingResponseBody> joined(
            JsonMapper json, String field, Stream<String> texts, String separator, String suffix) {
        return ok(out -> {
            try (texts;
                    JsonGenerator generator = unfinishedOnFailure(json, out)) {
                generator.writeStartObject();
                generator.writeName(field);
                generator.writeString(new JoiningReader(texts.iterator(), separator, suffix), -1);
                generator.writeEndObject();
            } catch (RuntimeException e) {
                throw new BrokenOffException(e);
            }
        });
    }

    /**
     * A streamed answer failed after it had begun. What failed is attached as suppressed, not as the cause: Spring
     * matches exception handlers against causes too, and one would answer the failure with a problem body.
     */
    public static final class BrokenOffException extends RuntimeException {

        BrokenOffException(RuntimeException failure) {
            super("A streamed answer broke off after it had begun: " + failure.getMessage());
            addSuppressed(failure);
        }
    }

    private static JsonGenerator unfinishedOnFailure(JsonMapper json, OutputStream out) {
        return json.writer().without(StreamWriteFeature.AUTO_CLOSE_CONTENT).createGenerator(out);
    }

    private static ResponseEntity<StreamingResponseBody> ok(StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The texts with the separator between them and the suffix after, read lazily. */
    private static final class JoiningReader extends Reader {

        private final Iterator<String> texts;
        private final String separator;
        private String suffix;
        private String current = "";
        private int position;
        private boolean first = true;

        JoiningReader(Iterator<String> texts, String separator, String suffix) {
            this.texts = texts;
            this.separator = separator;
            this.suffix = suffix;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            while (position == current.length()) {
                if (texts.hasNext()) {
                    current = (first ? "" : separator) + texts.next();
                    first = false;
                } else if (suffix != null) {
                    current = suffix;
                    suffix = null;
                } else {
                    return -1;
                }
                position = 0;
            }
            int count = Math.min(length, current.length() - position);
            current.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
            // the stream of texts is closed by the caller
        }
    }
}
