package dev.hazelog.logging.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import dev.hazelog.logging.config.ClusterProperties;
import dev.hazelog.logging.domain.MessageArchive;
import java.util.ArrayList;

/**
 * Builds the member's configuration from {@link ClusterProperties}: no XML, no discovery beyond the member list, or
 * on Kubernetes the headless service's DNS name.
 */
public final class MemberConfigFactory {

    private static final String MERGE_CHECK_SECONDS = "5";

    private MemberConfigFactory() {}

    public static Config create(ClusterProperties properties) {
        Config config = new Config();
        config.setClusterName(properties.name());
        config.setProperty(ClusterProperty.PHONE_HOME_ENABLED.getName(), "false");
        config.setProperty(ClusterProperty.LOGGING_TYPE.getName(), "slf4j");
        // Bind only to the configured interface, never to 0.0.0.0.
        config.setProperty(ClusterProperty.SOCKET_BIND_ANY.getName(), "false");
        // On SIGTERM migrate this member's partitions before leaving (the default, TERMINATE, just leaves).
        config.setProperty(ClusterProperty.SHUTDOWNHOOK_POLICY.getName(), "GRACEFUL");
        config.setProperty(
                ClusterProperty.HEARTBEAT_INTERVAL_SECONDS.getName(),
                String.valueOf(properties.heartbeatInterval().toSeconds()));
        config.setProperty(
                ClusterProperty.MAX_NO_HEARTBEAT_SECONDS.getName(),
                String.valueOf(properties.maxNoHeartbeat().toSeconds()));

        // Members started together ask each other for a master for this long before one claims the role (TCP-IP
        // connection timeout), and the new master waits this long for the others (Hazelcast: 5 s each).
        String joinWait = String.valueOf(properties.joinWait().toSeconds());
        config.setProperty(ClusterProperty.WAIT_SECONDS_BEFORE_JOIN.getName(), joinWait);
        // A member that was cut off (frozen, partitioned) forms a cluster of its own; look for such islands and merge
        // them every few seconds instead of Hazelcast's default of five minutes (a check is a join attempt per member).
        config.setProperty(ClusterProperty.MERGE_FIRST_RUN_DELAY_SECONDS.getName(), MERGE_CHECK_SECONDS);
        config.setProperty(ClusterProperty.MERGE_NEXT_RUN_DELAY_SECONDS.getName(), MERGE_CHECK_SECONDS);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(properties.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(properties.bindAddress());
        if (!properties.publicAddress().isBlank()) {
            network.setPublicAddress(properties.publicAddress());
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (properties.kubernetesServiceDns().isBlank()) {
            join.getTcpIpConfig()
                    .setEnabled(true)
                    .setMembers(properties.members())
                    .setConnectionTimeoutSeconds((int) properties.joinWait().toSeconds());
        } else {
            join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", properties.kubernetesServiceDns());
        }

        config.getMapConfig(HazelcastMessageStore.MAP_NAME)
                .setBackupCount(properties.backupCount())
                .setAsyncBackupCount(0)
                .addIndexConfig(new IndexConfig(IndexType.SORTED, HazelcastMessageStore.ACCEPTED_AT));
        config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new StoredMessageSerializer());
        return config;
    }

    /**
     * Makes the map the archive's working set: an entry the map does not hold is loaded from the archive, and each
     * member's own entries take at most {@code heapPercent} of its heap, the least recently used leaving first: a share
     * of the heap, not a count, since a message may weigh a megabyte.
     */
    public static void workingSetOf(Config config, MessageArchive archive, int heapPercent) {
        MapConfig map = config.getMapConfig(HazelcastMessageStore.MAP_NAME);
        // Reads in order come from the archive's own index; one in the map would only cost heap.
        map.setIndexConfigs(new ArrayList<>());
        // The archive holds every entry before the map does: a backup would keep nothing it lacks, and costs each write
        // an operation on another member. A member lost takes its share of the entries along; they are loaded again.
        map.setBackupCount(0);
        map.getMapStoreConfig()
                .setEnabled(true)
                .setImplementation(new ArchiveMapLoader(archive))
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.LAZY);
        map.getEvictionConfig()
                .setEvictionPolicy(EvictionPolicy.LRU)
                .setMaxSizePolicy(MaxSizePolicy.USED_HEAP_PERCENTAGE)
                .setSize(heapPercent);
    }
}
