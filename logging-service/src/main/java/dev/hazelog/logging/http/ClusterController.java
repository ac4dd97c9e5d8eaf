package dev.hazelog.logging.http;

import dev.hazelog.logging.domain.ClusterStatus;
import dev.hazelog.shared.wire.MemberSnapshot;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClusterController {

    private final ClusterStatus cluster;

    ClusterController(ClusterStatus cluster) {
        this.cluster = cluster;
    }

    /** The cluster name, every member this one sees, and which of them it is. */
    @GetMapping("/cluster")
    MemberSnapshot cluster() {
        return cluster.snapshot();
    }
}
