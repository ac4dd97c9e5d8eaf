package dev.hazelog.shared.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Message ids are UUIDs in their canonical form; {@link UUID#fromString} alone would also take "1-1-1-1-1". */
public final class MessageIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private MessageIds() {}

    /** Parses {@code raw}, or throws an {@link ProblemException} naming {@code field}. */
    public static UUID parse(String field, @Nullable String raw) {
        if (raw == null) {
            throw ProblemException.badRequest("Missing id", "The \"%s\" field is required.".formatted(field));
        }
        if (!CANONICAL.matcher(raw).matches()) {
            throw ProblemException.badRequest(
                    "Invalid id", "\"%s\" must be a UUID like 123e4567-e89b-12d3-a456-426614174000.".formatted(field));
        }
        return UUID.fromString(raw);
    }
}
