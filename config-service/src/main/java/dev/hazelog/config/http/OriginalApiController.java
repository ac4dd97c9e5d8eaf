package dev.hazelog.config.http;

import dev.hazelog.config.domain.Instances;
import dev.hazelog.shared.wire.AllPorts;
import java.net.URI;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OriginalApiController {

    private final AllPorts answer;

    OriginalApiController(Instances instances) {
        this.answer = new AllPorts(
                instances.loggingServices().stream().map(URI::toString).toList(),
                instances.messagesService().toString());
    }

    /** The original system's route and shape: {@code {"log_s": [...], "mes_s": "..."}}. */
    @GetMapping("/all_ports")
    AllPorts allPorts() {
        return answer;
    }
}
