package dev.hazelog.shared.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;

/**
 * An optional shared secret that the facade sends and the logging services require on their write route, so that
 * nothing but the facade can store messages. Off while empty, which is the default.
 *
 * @param writeToken the secret, the same on the facade and on every logging service
 */
@ConfigurationProperties("hazelog.security")
public record WriteToken(@DefaultValue("") String writeToken) {

    public static final String HEADER = "X-Hazelog-Token";

    public boolean enabled() {
        return !writeToken.isEmpty();
    }

    /** @throws ProblemException 401 when the token is on and {@code presented} is missing or wrong */
    public void check(@Nullable String presented) {
        if (enabled()
                && (presented == null
                        || !MessageDigest.isEqual(
                                writeToken.getBytes(StandardCharsets.UTF_8),
                                presented.getBytes(StandardCharsets.UTF_8)))) {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "Write token required",
                    "Only the facade may store messages here: the " + HEADER + " header is missing or wrong.");
        }
    }

    @Override
    public String toString() {
        return "WriteToken[" + (enabled() ? "set" : "off") + "]";
    }
}
