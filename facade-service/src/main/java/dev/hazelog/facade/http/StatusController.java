package dev.hazelog.facade.http;

import dev.hazelog.facade.domain.SystemStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the dashboard polls: every instance with its health, and what each member holds. */
@RestController
class StatusController {

    private final SystemStatus status;

    StatusController(SystemStatus status) {
        this.status = status;
    }

    @GetMapping("/status")
    SystemStatus.Report status() {
        return status.now();
    }
}
