package dev.hazelog.floor;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The least a Spring Boot service can do per message, for the benchmarks to hold Hazelog against ({@code
 * bench/floor/run.sh}). A member ({@code floor.role=member}) embeds a Hazelcast member; its {@code POST /messages}
 * reads a message's JSON, puts it into the map (putIfAbsent, one backup) and answers with its id, or with {@code
 * ?store=false} only answers. A facade ({@code floor.role=facade}) gives a message an id and hands it to a random
 * member's {@code POST /messages} over HTTP, on both of Hazelog's routes, so that the benchmark's workload F runs on it
 * as on Hazelog. Nothing else: no checks, log lines, metrics of its own, retries or database.
 */
@SpringBootApplication
public class FloorService {

    static final String MAP = "messages";

    /** A message as Hazelog's routes take it; {@code UUID} is the original route's id, chosen by the client. */
    record Message(@Nullable String UUID, String msg) {}

    record Stored(String id, String status) {}

    public static void main(String[] args) {
        SpringApplication.run(FloorService.class, args);
    }

    @RestController
    @ConditionalOnProperty(name = "floor.role", havingValue = "member")
    static class Member {

        private final IMap<String, String> messages;

        Member(HazelcastInstance hazelcast) {
            this.messages = hazelcast.getMap(MAP);
        }

        @Bean(destroyMethod = "shutdown")
        static HazelcastInstance hazelcast(
                @Value("${floor.cluster-port}") int port, @Value("${floor.cluster-members}") List<String> members) {
            Config config = new Config().setClusterName("floor");
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.setProperty("hazelcast.socket.bind.any", "false");
            config.setProperty("hazelcast.wait.seconds.before.join", "1");
            NetworkConfig network = config.getNetworkConfig();
            network.setPort(port).setPortAutoIncrement(false);
            network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            network.getJoin().getMulticastConfig().setEnabled(false);
            network.getJoin().getAutoDetectionConfig().setEnabled(false);
            network.getJoin().getTcpIpConfig().setEnabled(true).setMembers(members);
            config.getMapConfig(MAP).setBackupCount(1);
            return Hazelcast.newHazelcastInstance(config);
        }

        @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
        Stored store(@RequestBody Message message, @RequestParam(defaultValue = "true") boolean store) {
            String id =
                    message.UUID() != null ? message.UUID() : UUID.randomUUID().toString();
            if (!store) {
                return new Stored(id, "not stored");
            }
            return new Stored(id, messages.putIfAbsent(id, message.msg()) == null ? "stored" : "duplicate, ok");
        }

        /** Empties the map between rounds, so that no round runs into a full heap. */
        @DeleteMapping("/messages")
        void clear() {
            messages.clear();
        }
    }

    @RestController
    @ConditionalOnProperty(name = "floor.role", havingValue = "facade")
    static class Facade {

        private final RestClient members;
        private final List<String> memberUrls;

        Facade(RestClient.Builder http, @Value("${floor.member-urls}") List<String> memberUrls) {
            // As many pooled connections as the load has clients, to every member.
            var connections = PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(64)
                    .setMaxConnTotal(64 * memberUrls.size())
                    .build();
            this.members = http.requestFactory(new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
                            .setConnectionManager(connections)
                            .build()))
                    .build();
            this.memberUrls = memberUrls;
        }

        /** Hazelog's resource route: 201, as there. */
        @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
        @ResponseStatus(HttpStatus.CREATED)
        @Nullable
        Stored create(@RequestBody Message message) {
            return forward(message);
        }

        /** The original system's route: 200, as there. */
        @PostMapping(path = "/send_to_logging_service", consumes = MediaType.APPLICATION_JSON_VALUE)
        @Nullable
        Stored send(@RequestBody Message message) {
            return forward(message);
        }

        private @Nullable Stored forward(Message message) {
            String member = memberUrls.get(ThreadLocalRandom.current().nextInt(memberUrls.size()));
            return members.post()
                    .uri(member + "/messages")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new Message(UUID.randomUUID().toString(), message.msg()))
                    .retrieve()
                    .body(Stored.class);
        }
    }
}
