package dev.hazelog.bench;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.hazelog.logging.config.ClusterProperties;
import dev.hazelog.logging.hazelcast.MemberConfigFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code java -jar bench.jar member PORT MEMBERS CLUSTER SIZE}: a Hazelcast member configured exactly as a logging
 * service configures its own (the same factory, the same property defaults), without the service around it; it prints
 * {@value #READY} once it sees SIZE members. The start-up baseline for workload S.
 */
final class BareMember {

    static final String READY = "READY";

    private BareMember() {}

    static void run(String[] args) throws InterruptedException {
        Map<String, String> settings = Map.of(
                "hazelog.cluster.port", args[1],
                "hazelog.cluster.members", args[2],
                "hazelog.cluster.name", args[3]);
        int size = Integer.parseInt(args[4]);
        ClusterProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("hazelog.cluster", ClusterProperties.class);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(MemberConfigFactory.create(properties));
        CountDownLatch whole = new CountDownLatch(1);
        member.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberAdded(MembershipEvent event) {
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
