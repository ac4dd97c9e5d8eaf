package dev.hazelog.shared.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body a service reads; larger ones are refused with 413 unread. It sits well
 *     above the message limit, since JSON may escape every character of a message into six bytes.
 */
@ConfigurationProperties("hazelog.http")
public record HttpLimits(@DefaultValue("512KB") DataSize maxBodySize) {

    public HttpLimits {
        if (maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("hazelog.http.max-body-size must be positive, not " + maxBodySize);
        }
    }
}
