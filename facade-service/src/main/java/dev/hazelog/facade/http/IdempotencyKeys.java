package dev.hazelog.facade.http;

import dev.hazelog.shared.http.ProblemException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The {@code Idempotency-Key} request header: optional; when given, 1 to 255 printable ASCII characters. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x20-\\x7E]{1,255}");

    private IdempotencyKeys() {}

    static @Nullable String check(@Nullable String key) {
        if (key != null && !VALID.matcher(key).matches()) {
            throw ProblemException.badRequest(
                    "Invalid Idempotency-Key", "An Idempotency-Key is 1 to 255 printable ASCII characters.");
        }
        return key;
    }
}
