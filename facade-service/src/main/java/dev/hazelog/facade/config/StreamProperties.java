package dev.hazelog.facade.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The stream of new messages ({@code GET /messages/stream}), bound from {@code hazelog.stream.*} (env
 * {@code HAZELOG_STREAM_*}).
 *
 * @param buffer how many of the latest messages the facade keeps for its streams: a client further behind than this is
 *     told so and disconnected
 * @param bufferSize how much text those messages may hold together: the same, for long messages
 * @param heartbeat how long a stream may stay silent before it sends a comment, which keeps proxies from closing it
 * @param every how often the facade looks for new messages once it has read all there were: each look's messages go to
 *     every stream in one send, and a hundred streams cost the writes about half as much at 50 ms as at 20
 *     (docs/BENCHMARKS.md)
 */
@ConfigurationProperties("hazelog.stream")
public record StreamProperties(
        @DefaultValue("10000") int buffer,
        @DefaultValue("16MB") DataSize bufferSize,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("50ms") Duration every) {

    public StreamProperties {
        if (buffer < 1 || bufferSize.toBytes() < 1 || !heartbeat.isPositive() || !every.isPositive()) {
            throw new IllegalArgumentException(
                    "hazelog.stream: buffer and buffer-size must be at least 1, heartbeat and every positive");
        }
    }
}
