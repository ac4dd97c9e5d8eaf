package dev.hazelog.logging.domain;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.LocalMapStats;
import dev.hazelog.shared.wire.MemberSnapshot;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** What this service's member sees of its cluster. */
public class ClusterStatus {

    private final HazelcastInstance hazelcast;
    private final AtomicReference<LifecycleState> lifecycle = new AtomicReference<>(LifecycleState.STARTED);

    public ClusterStatus(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
        hazelcast.getLifecycleService().addLifecycleListener(event -> lifecycle.set(event.getState()));
    }

    public boolean running() {
        return hazelcast.getLifecycleService().isRunning();
    }

    /** @throws StorageUnavailableException if the member is no longer running */
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

    /** Zero once the member has stopped: it holds nothing any more. */
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
