package dev.hazelog.logging.domain;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
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
    public Snapshot snapshot() {
        try {
            var cluster = hazelcast.getCluster();
            List<MemberView> members = cluster.getMembers().stream()
                    .map(member ->
                            new MemberView(address(member), member.getUuid().toString(), member.localMember()))
                    .toList();
            return new Snapshot(
                    hazelcast.getConfig().getClusterName(),
                    address(cluster.getLocalMember()),
                    cluster.getClusterState().name(),
                    lifecycle.get().name(),
                    members);
        } catch (RuntimeException e) {
            if (running()) {
                throw e;
            }
            throw new StorageUnavailableException(e);
        }
    }

    private static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    /**
     * @param self the address of this service's own member
     * @param state the cluster's state: ACTIVE while it takes writes
     * @param lifecycle the member's last lifecycle event: MERGING while it joins back after a split and hands over
     *     what it stored alone, MERGED once that is done
     */
    public record Snapshot(String clusterName, String self, String state, String lifecycle, List<MemberView> members) {}

    public record MemberView(String address, String uuid, boolean self) {}
}
