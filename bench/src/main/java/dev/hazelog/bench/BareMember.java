package dev.hazelog.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar bench.jar member PORT MEMBERS CLUSTER SIZE}: a plain Hazelcast member, networked like a logging
 * service's, that prints {@value #READY} once it sees SIZE members. The start-up baseline for workload S.
 */
final class BareMember {

    static final String READY = "READY";

    private BareMember() {}

    static void run(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[1]);
        List<String> members = List.of(args[2].split(","));
        int size = Integer.parseInt(args[4]);
        Config config = new Config();
        config.setClusterName(args[3]);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        CountDownLatch whole = new CountDownLatch(1);
        member.getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipAdapter() {
            @Override
            public void memberAdded(com.hazelcast.cluster.MembershipEvent event) {
                if (event.getMembers().size() >= size) {
                    whole.countDown();
                }
            }
        });
        if (member.getCluster().getMembers().size() >= size) {
            whole.countDown();
        }
        whole.await();
        System.out.println(READY);
        System.out.flush();
        // Runs until the benchmark kills it.
        new CountDownLatch(1).await();
    }
}
