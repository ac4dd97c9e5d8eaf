package dev.hazelog.logging.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.hazelcast.config.CompactSerializationConfigAccessor;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import dev.hazelog.logging.config.ClusterProperties;
import dev.hazelog.logging.domain.MessageArchive;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberConfigFactoryTest {

    private final Config config = MemberConfigFactory.create(properties(""));

    private static ClusterProperties properties(String kubernetesServiceDns) {
        return new ClusterProperties(
                "dev",
                "127.0.0.1",
                "203.0.113.7:5701",
                5702,
                List.of("127.0.0.1:5701", "127.0.0.1:5702"),
                2,
                Duration.ofSeconds(1),
                Duration.ofSeconds(15),
                Duration.ofSeconds(1),
                "logging-1",
                kubernetesServiceDns,
                0.8);
    }

    @Test
    void joinsOnlyTheListedMembersOfItsOwnCluster() {
        JoinConfig join = config.getNetworkConfig().getJoin();

        assertThat(config.getClusterName()).isEqualTo("dev");
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(join.getTcpIpConfig().getConnectionTimeoutSeconds()).isEqualTo(1);
    }

    @Test
    void onKubernetesFindsItsPeersThroughTheHeadlessServiceInstead() {
        JoinConfig join = MemberConfigFactory.create(properties("hazelog-logging.hazelog.svc.cluster.local"))
                .getNetworkConfig()
                .getJoin();

        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
        assertThat(join.getKubernetesConfig().getProperty("service-dns"))
                .isEqualTo("hazelog-logging.hazelog.svc.cluster.local");
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    }

    @Test
    void listensOnlyWhereItIsTold() {
        NetworkConfig network = config.getNetworkConfig();

        assertThat(network.getPort()).isEqualTo(5702);
        assertThat(network.isPortAutoIncrement()).isFalse();
        assertThat(network.getInterfaces().isEnabled()).isTrue();
        assertThat(network.getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(network.getPublicAddress()).isEqualTo("203.0.113.7:5701");
        assertThat(config.getProperty(ClusterProperty.SOCKET_BIND_ANY.getName()))
                .isEqualTo("false");
        assertThat(config.getProperty(ClusterProperty.PHONE_HOME_ENABLED.getName()))
                .isEqualTo("false");
    }

    @Test
    void migratesDataOnShutdownAndDetectsSilentMembers() {
        assertThat(config.getProperty(ClusterProperty.SHUTDOWNHOOK_POLICY.getName()))
                .isEqualTo("GRACEFUL");
        assertThat(config.getProperty(ClusterProperty.HEARTBEAT_INTERVAL_SECONDS.getName()))
                .isEqualTo("1");
        assertThat(config.getProperty(ClusterProperty.MAX_NO_HEARTBEAT_SECONDS.getName()))
                .isEqualTo("15");
        assertThat(config.getProperty(ClusterProperty.WAIT_SECONDS_BEFORE_JOIN.getName()))
                .isEqualTo("1");
    }

    @Test
    void keepsTheConfiguredBackupsOfTheMessagesMapInCompactForm() {
        assertThat(config.getMapConfig(HazelcastMessageStore.MAP_NAME).getBackupCount())
                .isEqualTo(2);
        assertThat(config.getMapConfig(HazelcastMessageStore.MAP_NAME).getAsyncBackupCount())
                .isZero();
        var registrations = CompactSerializationConfigAccessor.getRegistrations(
                config.getSerializationConfig().getCompactSerializationConfig());
        assertThat(registrations.values())
                .singleElement()
                .satisfies(
                        registration -> assertThat(registration.element3).isInstanceOf(StoredMessageSerializer.class));
    }

    @Test
    void keepsNoBackupsOfAWorkingSetWhoseEntriesAreAllInTheArchive() {
        MemberConfigFactory.workingSetOf(config, mock(MessageArchive.class), 10);

        MapConfig map = config.getMapConfig(HazelcastMessageStore.MAP_NAME);
        assertThat(map.getMapStoreConfig().isEnabled()).isTrue();
        assertThat(map.getBackupCount()).isZero();
        assertThat(map.getAsyncBackupCount()).isZero();
    }
}
