package dev.hazelog.logging.hazelcast;

import com.hazelcast.config.Config;
import dev.hazelog.logging.config.ClusterProperties;
import java.time.Duration;
import java.util.List;

/** A test's own cluster on loopback: each member on one of the ports, finding the others on the rest. */
final class LoopbackMembers {

    private LoopbackMembers() {}

    /** The configuration of member {@code index}, named after the cluster, with one backup. */
    static Config config(String cluster, List<Integer> ports, int index) {
        return MemberConfigFactory.create(new ClusterProperties(
                cluster,
                "127.0.0.1",
                "",
                ports.get(index),
                ports.stream().map(port -> "127.0.0.1:" + port).toList(),
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(4),
                Duration.ofSeconds(1),
                cluster + "-" + index,
                "",
                0.8));
    }
}
