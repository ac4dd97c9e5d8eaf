package dev.hazelog.logging.http;

import dev.hazelog.logging.domain.ClusterStatus;
import dev.hazelog.shared.wire.MemberSnapshot;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health follows the embedded member: down once it has stopped, or while its cluster is not accepting writes. */
@Component("hazelcast")
class MemberHealthIndicator implements HealthIndicator {

    private final ClusterStatus cluster;

    MemberHealthIndicator(ClusterStatus cluster) {
        this.cluster = cluster;
    }

    @Override
    public Health health() {
        if (!cluster.running()) {
            return Health.down().withDetail("member", "not running").build();
        }
        MemberSnapshot snapshot = cluster.snapshot();
        Health.Builder health = cluster.acceptsWrites() ? Health.up() : Health.down();
        return health.withDetail("clusterName", snapshot.clusterName())
                .withDetail("self", snapshot.self())
                .withDetail("state", snapshot.state())
                .withDetail("lifecycle", snapshot.lifecycle())
                .withDetail("members", snapshot.members().size())
                .build();
    }
}
