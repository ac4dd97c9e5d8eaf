package dev.hazelog.logging.hazelcast;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.LocalMapStats;
import dev.hazelog.logging.domain.ClusterStatus;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.shared.wire.MemberSnapshot;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** {@link ClusterStatus} of the member this service embeds. */
public class HazelcastClusterStatus implements ClusterStatus {

    private final HazelcastInstance hazelcast;
    private final AtomicReference<LifecycleState> lifecycle = new AtomicReference<>(LifecycleState.STARTED);

    public HazelcastClusterStatus(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        hazelcast.getLifecycleService().addLifecycleListener(event -> lifecycle.set(event.getState()));
    }

    @Override
    public boolean running() {
        return hazelcast.getLifecycleService().isRunning();
    }

    @Override
    public boolean acceptsWrites() {
        return running() && hazelcast.getCluster().getClusterState() == ClusterState.ACTIVE;
    }

    @Override
    public MemberSnapshot snapshot() {
        try {
            var cluster = hazelcast.getCluster();
            List<MemberSnapshot.Member> members = cluster.getMembers().stream()
                    .map(member -> new MemberSnapshot.Member(
                            address(member), member.getUuid().toString(), member.localMember()))
                    .toList();
            return new MemberSnapshot(
                    hazelcast.getConfig().getClusterName(),
                    address(cluster.getLocalMember()),
                    cluster.getClusterState().name(),
                    lifecycle.get().name(),
                    members,
                    entries());
        } catch (RuntimeException e) {
            if (running()) {
                throw e;
            }
            throw new StorageUnavailableException(e);
        }
    }

    @Override
    public MemberSnapshot.Entries entries() {
        if (!running()) {
            return new MemberSnapshot.Entries(0, 0);
        }
        LocalMapStats stats = hazelcast.getMap(HazelcastMessageStore.MAP_NAME).getLocalMapStats();
        return new MemberSnapshot.Entries(stats.getOwnedEntryCount(), stats.getBackupEntryCount());
    }

    private static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }
}
