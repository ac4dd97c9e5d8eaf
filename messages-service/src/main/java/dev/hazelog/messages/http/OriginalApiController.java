package dev.hazelog.messages.http;

import dev.hazelog.shared.wire.StaticText;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The original system's messages service, kept with its route and its answer. */
@RestController
class OriginalApiController {

    static final StaticText NOT_IMPLEMENTED = new StaticText("Not implemented yet");

    @GetMapping("/message_handler")
    StaticText messageHandler() {
        return NOT_IMPLEMENTED;
    }
}
