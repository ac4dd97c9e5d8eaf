package dev.hazelog.facade.http;

import dev.hazelog.facade.config.StreamProperties;
import dev.hazelog.facade.domain.FellBehindException;
import dev.hazelog.facade.domain.Follower;
import dev.hazelog.facade.domain.LiveLog;
import dev.hazelog.shared.http.MessageIds;
import dev.hazelog.shared.http.Paging;
import dev.hazelog.shared.http.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /messages/stream}: every new message as it is stored, as Server-Sent Events, in acceptance order. Each
 * event's id is the message's, so a client that reconnects with {@code Last-Event-ID} (browsers do) goes on after the
 * last one it got, with nothing missed or repeated. When the facade stops, its streams end first: the graceful shutdown
 * that follows waits for the requests in progress, and a stream would never be done.
 */
@RestController
class StreamController implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamController.class);
    /** How long a browser waits before it reconnects after the stream broke (its own default is about 3 s). */
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final LiveLog live;
    private final StreamProperties properties;
    private final Set<Thread> senders = ConcurrentHashMap.newKeySet();
    /** The last messages sent, joined: the next stream to send the same ones sends these bytes. */
    private final AtomicReference<Frame> lastFrame = new AtomicReference<>(new Frame(List.of(), new byte[0]));

    private volatile boolean running;

    StreamController(LiveLog live, StreamProperties properties) {
        this.live = live;
        this.properties = properties;
    }

    @Operation(summary = "New messages as they are stored: Server-Sent Events (text/event-stream)")
    @ApiResponse(
            responseCode = "200",
            description = "One event per message (event: message, id: the message's id, data: the message as JSON),"
                    + " a comment every 15 s while none comes; an event named overflow, then the end, for a client"
                    + " that fell further behind than the facade keeps",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
    @ApiResponse(responseCode = "400", description = "Last-Event-ID or after is not the id of a stored message")
    @ApiResponse(responseCode = "503", description = "The facade is stopping")
    @ReadProblems
    @GetMapping(path = "/messages/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @Parameter(description = "Go on after this message (what a reconnecting EventSource sends)")
                    @RequestHeader(name = "Last-Event-ID", required = false)
                    @Nullable
                    String lastEventId,
            @Parameter(description = "The same as a query parameter; without either, from the next new message")
                    @RequestParam(name = "after", required = false)
                    @Nullable
                    String after) {
        UUID from = lastEventId != null ? MessageIds.parse("Last-Event-ID", lastEventId) : Paging.after(after);
        if (!running) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Stopping", "The facade is stopping.");
        }
        Follower follower = live.follow(from);
        SseEmitter events = new SseEmitter(0L); // no time limit: a stream lasts as long as its client
        Thread sender = Thread.ofVirtual().name("stream").unstarted(() -> send(follower, events));
        senders.add(sender);
        sender.start();
        return events;
    }

    /** Until the client goes, or the facade stops: a failed send is how the client's leaving shows. */
    private void send(Follower follower, SseEmitter events) {
        try (follower) {
            // At once, so the client has the answer's headers without waiting for the first message.
            events.send(SseEmitter.event().comment("stream open").reconnectTime(RECONNECT_AFTER.toMillis()));
            long lastSent = System.nanoTime();
            while (running) {
                List<LiveLog.Rendered> messages = follower.next(properties.heartbeat());
                if (!messages.isEmpty()) {
                    events.send(frames(messages));
                    lastSent = System.nanoTime();
                } else if (System.nanoTime() - lastSent
                        >= properties.heartbeat().toNanos()) {
                    events.send(SseEmitter.event().comment("heartbeat"));
                    lastSent = System.nanoTime();
                }
            }
        } catch (FellBehindException e) {
            overflow(events, e);
        } catch (IOException | IllegalStateException e) {
            log.debug("Stream closed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            senders.remove(Thread.currentThread());
            events.complete();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream; clients reconnect with their last event's id once a facade answers. A stream whose thread had
     * not started when interrupted sees {@code running} false at its first turn.
     */
    @Override
    public void stop() {
        running = false;
        senders.forEach(Thread::interrupt);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Messages already written as events in UTF-8 (once each, by the live log), sent as one piece, in one write and one
     * flush: a hundred streams do not each turn every message into JSON, or into bytes, again. Streams that have caught
     * up all send the same messages after each look, so the piece is joined once and shared.
     */
    private Set<ResponseBodyEmitter.DataWithMediaType> frames(List<LiveLog.Rendered> messages) {
        Frame frame = lastFrame.get();
        if (!frame.holds(messages)) {
            frame = new Frame(messages, joined(messages));
            lastFrame.set(frame);
        }
        return Set.of(new ResponseBodyEmitter.DataWithMediaType(frame.events(), MediaType.TEXT_EVENT_STREAM));
    }

    private static byte[] joined(List<LiveLog.Rendered> messages) {
        byte[] events = new byte
                [messages.stream().mapToInt(message -> message.event().length).sum()];
        int at = 0;
        for (LiveLog.Rendered message : messages) {
            System.arraycopy(message.event(), 0, events, at, message.event().length);
            at += message.event().length;
        }
        return events;
    }

    /** Messages and their events joined; only read once made, by any number of streams at once. */
    private record Frame(List<LiveLog.Rendered> messages, byte[] events) {

        /**
         * The same messages: a stream's messages are consecutive ones of the log, and the live log hands each stream
         * the same instances, so the first, the last and the count tell them apart.
         */
        boolean holds(List<LiveLog.Rendered> others) {
            return messages.size() == others.size()
                    && messages.getFirst() == others.getFirst()
                    && messages.getLast() == others.getLast();
        }
    }

    private static void overflow(SseEmitter events, FellBehindException e) {
        try {
            events.send(SseEmitter.event()
                    .name("overflow")
                    .data(Map.of("title", "Too far behind", "detail", e.getMessage()), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            log.debug("Client gone before it was told it fell behind: {}", gone.toString());
        }
    }
}
