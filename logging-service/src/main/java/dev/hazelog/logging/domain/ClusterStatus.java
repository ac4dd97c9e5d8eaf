package dev.hazelog.logging.domain;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;

/** What this service's member sees of its cluster. */
public class ClusterStatus {

    private final HazelcastInstance hazelcast;

    public ClusterStatus(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
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

    /** @param self the address of this service's own member */
    public record Snapshot(String clusterName, String self, String state, List<MemberView> members) {}

    public record MemberView(String address, String uuid, boolean self) {}
}
