package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.system.DockerCompose.Docker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The compose file run for real: base images built from Debian's packages (no registry is reachable here), the
 * services' images built from the jars of this build, then the original scenario, a logging container killed under
 * load and started again, and the whole system stopped and started on its database volume. Without a Docker engine
 * the test is skipped, and says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT) // beside the other tests (junit-platform.properties)
@Order(0) // forked before the second lane's classes, so the second worker takes it first
class ContainersIT {

    private static final Duration REJOIN_WITHIN = Duration.ofMinutes(3);

    private DockerCompose compose;
    private boolean passed;

    @BeforeAll
    void start() {
        String unavailable = Docker.unavailable();
        Assumptions.assumeTrue(unavailable == null, () -> "no Docker engine to run the containers: " + unavailable);
        Map<String, String> baseImages = baseImages();
        compose = new DockerCompose(Map.of(
                "HAZELOG_BUILD_IMAGE", baseImages.get("runtime"),
                "HAZELOG_RUNTIME_IMAGE", baseImages.get("runtime"),
                "HAZELOG_POSTGRES_IMAGE", baseImages.get("postgres")));
        long started = System.nanoTime();
        try {
            compose.run("up", "--build", "--detach", "--wait");
        } catch (IllegalStateException e) {
            // The build's output hides why a container did not become healthy: its state and last words say it.
            System.out.println(compose.run("ps", "--all"));
            System.out.println(compose.run("logs", "--no-color", "--tail", "40"));
            throw e;
        }
        System.out.printf("ContainersIT: images built and every container healthy in %d s%n", since(started));
    }

    @AfterAll
    void stop() {
        if (compose != null) {
            if (!passed) {
                // What the services said about a failed step goes with the containers: printed before they do.
                System.out.println(compose.run("logs", "--no-color", "--tail", "60"));
            }
            compose.run("down", "--volumes", "--remove-orphans");
            assertThat(compose.leftovers())
                    .as("containers, volumes and networks left behind")
                    .isEmpty();
        }
    }

    @Test
    void theOriginalScenarioAKilledLoggingContainerAndARestartLoseNothing() {
        HttpProbe facade = new HttpProbe(compose.url("facade"));
        assertThat(OriginalScenario.storedBy(OriginalScenario.sendTenMessages(facade)))
                .as("instances that stored the ten messages")
                .hasSizeGreaterThan(1);
        assertThat(facade.messageIds()).hasSize(10);

        LoadGenerator load =
                new LoadGenerator(compose.url("facade"), "containers", 4, 20, Duration.ofSeconds(5), true).start();
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        String killed = compose.container("logging-2");
        Docker.run(Map.of(), List.of("docker", "kill", killed));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(clusterSize()).isEqualTo(2));
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        LoadGenerator.Result result = load.stop();

        Map<String, Long> copiesOfText = texts(facade);
        assertThat(result.acknowledged()).as("acknowledged under load").isNotEmpty();
        assertThat(result.acknowledged().values())
                .as("acknowledged messages missing after the kill")
                .allSatisfy(text -> assertThat(copiesOfText).containsEntry(text, 1L));
        System.out.printf(
                "ContainersIT: %d messages acknowledged under load with logging-2 killed, none lost or repeated%n",
                result.acknowledged().size());

        Docker.run(Map.of(), List.of("docker", "start", killed));
        await().atMost(REJOIN_WITHIN).ignoreExceptions().untilAsserted(() -> {
            assertThat(clusterSize()).isEqualTo(3);
            assertThat(new HttpProbe(compose.url("logging-2"))
                            .get("/actuator/health/readiness")
                            .status())
                    .isEqualTo(200);
        });

        assertThat(compose.run("exec", "-T", "logging-1", "id", "-un").strip())
                .as("the user a service runs as")
                .isEqualTo("hazelog");

        List<String> before = facade.messageIds();
        long stopped = System.nanoTime();
        compose.run("stop");
        // 143 = 128 + SIGTERM: each JVM got the signal and shut down in order before its grace period ran out.
        for (String service : List.of("facade", "config", "messages", "logging-1", "logging-2", "logging-3")) {
            assertThat(compose.exitCode(service))
                    .as("exit code of %s after docker compose stop", service)
                    .isEqualTo(143);
        }
        compose.run("up", "--detach", "--wait");
        System.out.printf("ContainersIT: stopped and up again in %d s%n", since(stopped));
        assertThat(new HttpProbe(compose.url("facade")).messageIds())
                .as("every message after docker compose stop and up")
                .isEqualTo(before);
        passed = true;
    }

    private int clusterSize() {
        return new HttpProbe(compose.url("logging-1"))
                .get("/cluster")
                .json()
                .path("members")
                .size();
    }

    private static Map<String, Long> texts(HttpProbe facade) {
        return facade.get("/messages")
                .json()
                .path("messages")
                .valueStream()
                .map(message -> message.path("msg").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Builds them once; later runs find them by their recipe's hash. */
    private static Map<String, String> baseImages() {
        String printed = Docker.run(
                Map.of(),
                List.of(ServiceTable.ROOT
                        .resolve("system-tests/src/test/docker/base-images.sh")
                        .toString()));
        return printed.lines()
                .filter(line -> line.startsWith("runtime=") || line.startsWith("postgres="))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));
    }

    private static long since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
