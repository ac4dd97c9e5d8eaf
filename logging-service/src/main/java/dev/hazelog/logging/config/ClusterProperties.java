package dev.hazelog.logging.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Hazelcast member, bound from {@code hazelog.cluster.*} (env {@code HAZELOG_CLUSTER_*}) and checked
 * once at start-up.
 *
 * @param name cluster name; a member with another name cannot join
 * @param bindAddress the interface the member listens on
 * @param publicAddress the {@code host:port} other members reach this one at, when it differs (NAT, containers);
 *     empty means the bind address and port
 * @param port the member's port; no auto-increment, so a member is always where the member list says
 * @param members {@code host:port} of every member; this member may be among them
 * @param backupCount synchronous backups of each entry: how many members may be lost at once without losing data;
 *     memory-only, since with a database every entry is in its table and the members keep none
 * @param heartbeatInterval how often members tell each other they are alive
 * @param maxNoHeartbeat how long a silent member stays in the cluster; short enough to drop a frozen member, long
 *     enough that a busy one is not dropped
 * @param joinWait how long the first member waits for others before it forms a cluster; members started together
 *     find each other well within it on one network
 * @param instanceName how this service signs the messages it stores; empty means {@code logging@<member address>}
 * @param kubernetesServiceDns on Kubernetes, the headless service whose DNS name lists every member; when set, it
 *     replaces the member list
 * @param maxHeapFill the fraction of the heap that may be in use after a garbage collection before the service
 *     refuses new messages (507). A member that runs out of memory dies with its data, and when one dies the others
 *     take over its share (half as much again with three members) while partitions move; 0.4 leaves room for that,
 *     measured with 60 KB messages. 1 turns the limit off
 */
@ConfigurationProperties("hazelog.cluster")
public record ClusterProperties(
        @DefaultValue("dev") String name,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("") String publicAddress,
        @DefaultValue("5701") int port,

        @DefaultValue({"127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703"})
        List<String> members,

        @DefaultValue("1") int backupCount,
        @DefaultValue("1s") Duration heartbeatInterval,
        @DefaultValue("4s") Duration maxNoHeartbeat,
        @DefaultValue("1s") Duration joinWait,
        @DefaultValue("") String instanceName,
        @DefaultValue("") String kubernetesServiceDns,
        @DefaultValue("0.4") double maxHeapFill) {

    private static final int MAX_BACKUP_COUNT = 6;

    public ClusterProperties {
        require(!name.isBlank(), "name must not be blank");
        require(!bindAddress.isBlank(), "bind-address must not be blank");
        require(port > 0 && port < 65536, "port must be between 1 and 65535, not " + port);
        require(!members.isEmpty(), "members must list at least one host:port");
        members.forEach(member -> requireHostAndPort("members", member));
        if (!publicAddress.isBlank()) {
            requireHostAndPort("public-address", publicAddress);
        }
        require(
                backupCount >= 0 && backupCount <= MAX_BACKUP_COUNT,
                "backup-count must be between 0 and " + MAX_BACKUP_COUNT + ", not " + backupCount);
        require(heartbeatInterval.toSeconds() >= 1, "heartbeat-interval must be at least 1s");
        require(
                maxNoHeartbeat.compareTo(heartbeatInterval.multipliedBy(3)) >= 0,
                "max-no-heartbeat must be at least three heartbeat intervals");
        require(joinWait.toSeconds() >= 1, "join-wait must be at least 1s");
        require(maxHeapFill > 0 && maxHeapFill <= 1, "max-heap-fill must be above 0 and at most 1, not " + maxHeapFill);
        members = List.copyOf(members);
    }

    private static void requireHostAndPort(String property, String value) {
        int colon = value.lastIndexOf(':');
        boolean valid = colon > 0 && value.substring(colon + 1).matches("\\d{1,5}");
        require(valid, property + " needs host:port entries, not '" + value + "'");
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("hazelog.cluster." + problem);
        }
    }
}
