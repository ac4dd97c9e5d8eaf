package dev.hazelog.config.http;

import dev.hazelog.config.domain.HealthWatch;
import dev.hazelog.shared.wire.InstanceList;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InstancesController {

    private final HealthWatch health;

    InstancesController(HealthWatch health) {
        this.health = health;
    }

    /** Every instance with its state (up, down, or unknown before the first check) and when it was last healthy. */
    @GetMapping("/instances")
    InstanceList instances() {
        return new InstanceList(health.states());
    }
}
