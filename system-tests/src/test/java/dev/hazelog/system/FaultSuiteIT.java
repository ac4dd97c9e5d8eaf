package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.DelayingProxy;
import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.HttpProbe.Answer;
import dev.hazelog.shared.testing.PrivatePostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite: real processes and real signals, under continuous load, each scenario bounded in time, and
 * afterwards every acknowledged message checked to be stored exactly once. Runs with {@code ./mvnw verify -Pfaults},
 * among the other system tests: the rows without the database on memory-only systems of its own, the rows with it on
 * the system the others share. Prints a table and writes it to {@code system-tests/target/fault-report.md}.
 *
 * <p>Rows 1-8 run in both modes: memory only first, then with the database. CI runs a short suite,
 * {@code -Dhazelog.faults.excluded=full-suite}: the scenarios tagged {@value #FULL_SUITE} are left out, each because
 * another test breaks the system the same way, or CI runs it in the default mode (with the database), and it costs a
 * restart or a system of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Early: while it waits for its faults to be noticed, ContainersIT, beside it, uses the cores it leaves idle.
@Order(1)
class FaultSuiteIT {

    private static final int CLIENTS = 4;
    private static final int RATE_PER_CLIENT = 20;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STEADY = Duration.ofSeconds(Long.getLong("hazelog.faults.steady-seconds", 8));
    private static final Duration WHOLE_WITHIN = Duration.ofSeconds(60);
    private static final String FULL_SUITE = "full-suite";
    private static final String MEMORY_ONLY_ROW = ", memory only";
    private static final String DATABASE_ROW = ", with the database";

    private final FaultReport report = new FaultReport();
    private final List<LoadGenerator> loads = new ArrayList<>();
    private Launcher launcher;
    /** The rows with the database run on the system the other tests share; RunningSystem stops it, not this suite. */
    private boolean onTheSharedSystem;

    /**
     * These rows measure what the cluster's own copies survive, so the members keep the messages in memory only; with
     * the database behind them, a message also survives every member.
     */
    private static final Map<String, String> MEMORY_ONLY = Map.of("HAZELOG_STORE", "memory");

    /** The memory-only rows run first, on a system of their own, started by the first of them. */
    private void memoryOnlySystem() {
        if (launcher == null) {
            launcher = new Launcher(MEMORY_ONLY);
            launcher.up();
        }
    }

    @AfterAll
    void stopAndReport() {
        if (launcher != null && !onTheSharedSystem) {
            launcher.close();
        }
        System.out.println("\nFault suite results:\n" + report.table());
        report.write(Path.of("target/fault-report.md"), machine());
    }

    @Test
    @Order(10)
    @Tag(FULL_SUITE) // FailureScenarioIT, and ContainersIT under load, SIGKILL a logging service and restart it
    void scenario1_sigkillOneLoggingServiceAndRestartItTenSecondsLater() {
        memoryOnlySystem();
        sigkillOneAndRestartIt(MEMORY_ONLY_ROW);
    }

    private void sigkillOneAndRestartIt(String mode) {
        LoadGenerator load = load("s1");
        pause(STEADY);
        Instant fault = Instant.now();
        launcher.kill("logging-2");
        pause(Duration.ofSeconds(10));
        launcher.start("logging-2");
        Duration recovered = awaitWhole(fault);
        pause(STEADY);

        Tally tally = finish("1. SIGKILL logging-2, restart 10 s later" + mode, load, recovered, "");

        tally.assertNothingLostOrDuplicated();
        tally.assertNoClientErrors();
    }

    @Test
    @Order(20)
    @Tag(FULL_SUITE) // FailureScenarioIT SIGTERMs a logging service and checks its handover
    void scenario2_rollingRestart() {
        memoryOnlySystem();
        rollingRestart(MEMORY_ONLY_ROW);
    }

    private void rollingRestart(String mode) {
        LoadGenerator load = load("s2");
        pause(STEADY);
        Instant fault = Instant.now();
        for (String name : List.of("logging-1", "logging-2", "logging-3")) {
            launcher.stop(name);
            launcher.start(name);
            awaitWhole(Instant.now());
        }
        Duration recovered = Duration.between(fault, Instant.now());
        pause(STEADY);

        Tally tally =
                finish("2. rolling restart (SIGTERM, start) of all three" + mode, load, recovered, "time = whole roll");

        tally.assertNothingLostOrDuplicated();
        tally.assertNoClientErrors();
    }

    @Test
    @Order(30)
    @Tag(FULL_SUITE) // CI runs it with the database
    void scenario4_configServiceDownForTwentySeconds() {
        memoryOnlySystem();
        configServiceDown(MEMORY_ONLY_ROW);
    }

    private void configServiceDown(String mode) {
        LoadGenerator load = load("s4");
        pause(STEADY);
        Instant fault = Instant.now();
        launcher.kill("config");
        pause(Duration.ofSeconds(20));
        launcher.start("config");
        Duration recovered = awaitWhole(fault);
        pause(STEADY);

        Tally tally = finish("4. config service down for 20 s" + mode, load, recovered, "");

        tally.assertNothingLostOrDuplicated();
        tally.assertNoClientErrors();
    }

    @Test
    @Order(40)
    @Tag(FULL_SUITE) // CI runs it with the database
    void scenario5_messagesServiceDownDuringReads() {
        memoryOnlySystem();
        messagesServiceDownDuringReads(MEMORY_ONLY_ROW);
    }

    private void messagesServiceDownDuringReads(String mode) {
        LoadGenerator load = load("s5");
        HttpProbe facade = launcher.http("facade");
        pause(STEADY);
        Instant fault = Instant.now();
        launcher.kill("messages");
        List<Answer> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reads.add(facade.get("/get_resulted_messages"));
            reads.add(facade.get("/messages"));
        }
        launcher.start("messages");
        Duration recovered = awaitWhole(fault);
        pause(STEADY);

        long failedReads = reads.stream().filter(read -> read.status() != 200).count();
        Tally tally = finish(
                "5. messages service down during reads" + mode,
                load,
                recovered,
                "%d reads while down, %d failed".formatted(reads.size(), failedReads),
                (int) failedReads);

        tally.assertNothingLostOrDuplicated();
        assertThat(failedReads).isZero();
        assertThat(reads.getFirst().json().path("all_msgs").asString()).endsWith("\nmessages-service unavailable");
        assertThat(reads.get(1).json().at("/messagesService/available").asBoolean())
                .isFalse();
    }

    @Test
    @Order(50)
    @Tag(FULL_SUITE) // CI runs it with the database
    void scenario7_clientRetryingWithTheSameIdempotencyKeyThroughASigkill() {
        memoryOnlySystem();
        idempotentRetriesThroughASigkill(MEMORY_ONLY_ROW);
    }

    private void idempotentRetriesThroughASigkill(String mode) {
        LoadGenerator load = new LoadGenerator(
                        launcher.url("facade"), "s7", CLIENTS, RATE_PER_CLIENT, Duration.ofSeconds(1), true)
                .start();
        pause(STEADY);
        Instant fault = Instant.now();
        // The facade too: answers in flight are lost, and only the clients' retries can tell what was stored.
        launcher.killAtOnce("facade", "logging-3");
        pause(Duration.ofSeconds(3));
        launcher.up();
        Duration recovered = awaitWhole(fault);
        pause(STEADY);

        Tally tally = finish(
                "7. idempotent client retries through a SIGKILL of the facade and logging-3" + mode,
                load,
                recovered,
                "clients retry the same key until answered");

        tally.assertNothingLostOrDuplicated();
        tally.assertNoClientErrors();
    }

    @Test
    @Order(60)
    @Tag(FULL_SUITE) // CI runs it with the database
    void scenario6_allLoggingServicesDown() {
        memoryOnlySystem();
        allLoggingServicesDown(MEMORY_ONLY_ROW);
    }

    private void allLoggingServicesDown(String mode) {
        HttpProbe facade = launcher.http("facade");
        Instant fault = Instant.now();
        launcher.killAtOnce("logging-1", "logging-2", "logging-3");
        LoadGenerator load = load("s6");
        List<Duration> refusals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant sent = Instant.now();
            Answer answer = facade.postJson("/messages", "{\"msg\": \"while all are down\"}");
            refusals.add(Duration.between(sent, Instant.now()));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After"))
                    .as("seconds until worth trying again")
                    .matches("[1-9][0-9]*");
        }
        launcher.up();
        Duration recovered = awaitWhole(fault);
        pause(STEADY);

        Duration slowest = refusals.stream().max(Duration::compareTo).orElseThrow();
        LoadGenerator.Result result = load.stop();
        Tally tally = tally(
                "6. all logging services down" + mode,
                result,
                recovered,
                "errors = 503s while down, slowest %d ms".formatted(slowest.toMillis()),
                result.errors());

        tally.assertNothingLostOrDuplicated();
        assertThat(slowest).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    @Order(70)
    @Tag(FULL_SUITE) // CI runs it with the database, where nothing is lost
    void scenario3b_twoLoggingServicesSigkilledAtOnceWithOneBackup() {
        memoryOnlySystem();
        Tally tally = killTwoAtOnce(
                "3b. SIGKILL two at once, backup count 1" + MEMORY_ONLY_ROW,
                "s3b",
                "expected loss: entries whose primary and only backup were both on the two killed members");

        assertThat(tally.duplicated()).isZero();
        assertThat(tally.lost()).as("one backup cannot survive two losses").isPositive();
        assertThat(tally.lost()).isLessThan(tally.acknowledged() / 2);
    }

    @Test
    @Order(75)
    @Tag(FULL_SUITE) // 13 freezes a logging service for as long, with the database
    void scenario15_oneLoggingServiceFrozenForTwentySecondsMemoryOnly() {
        memoryOnlySystem();
        Frozen frozen = freeze(
                "15. logging-2 frozen (SIGSTOP) for 20 s, then thawed, memory only",
                "logging-2",
                Duration.ofSeconds(20),
                "s15");

        frozen.tally().assertNothingLostOrDuplicated();
        assertThat(frozen.removedAfter())
                .as("out of the cluster after")
                .isNotNull()
                .isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(frozen.failedShare()).as("writes that failed").isLessThanOrEqualTo(0.02);
    }

    @Test
    @Order(76)
    @Tag(FULL_SUITE) // 17 does it with the database
    void scenario16_oneLoggingServiceFrozenForTwoSecondsMemoryOnly() {
        memoryOnlySystem();
        briefFreezeGoesUnnoticed("16. logging-2 frozen (SIGSTOP) for 2 s (a long GC pause), memory only", "s16");
    }

    @Test
    @Order(77)
    @Tag(FULL_SUITE) // a minute of load as fast as the system goes, to show that the failure detector is not too eager
    void scenario18_aMinuteAtFullWriteLoadMemoryOnly() {
        memoryOnlySystem();
        fullLoad("18. 60 s at full write load, nothing broken, memory only", "s18");
    }

    @Test
    @Order(80)
    @Tag(FULL_SUITE) // 3b kills two at once; this row needs a system of its own, with two backups
    void scenario3a_twoLoggingServicesSigkilledAtOnceWithTwoBackups() {
        if (launcher != null) {
            launcher.close();
        }
        launcher = new Launcher(Map.of("HAZELOG_CLUSTER_BACKUP_COUNT", "2", "HAZELOG_STORE", "memory"));
        launcher.up();

        Tally tally = killTwoAtOnce("3a. SIGKILL two at once, backup count 2" + MEMORY_ONLY_ROW, "s3a", "");

        tally.assertNothingLostOrDuplicated();
    }

    @Test
    @Order(85)
    @Tag(FULL_SUITE) // PostgresSystemIT runs the system on an external PostgreSQL and kills it once; 12 and 14 as here
    void scenario12e_14e_externalPostgresqlKilledThenFrozen() {
        if (launcher != null) {
            launcher.close();
        }
        try (PrivatePostgres postgres = new PrivatePostgres()) {
            launcher = new Launcher(postgres.storeEnvironment());
            try {
                launcher.up();
                databaseOutage(
                        "12e. external PostgreSQL (HAZELOG_STORE_URL) SIGKILLed for 20 s, then started",
                        "s12e",
                        Duration.ofSeconds(20),
                        postgres::kill,
                        postgres::start);
                databaseOutage(
                        "14e. external PostgreSQL frozen (SIGSTOP) for 10 s, then thawed",
                        "s14e",
                        Duration.ofSeconds(10),
                        postgres::freeze,
                        postgres::thaw);
            } finally {
                launcher.close();
                launcher = null;
            }
        }
    }

    @Test
    @Order(90)
    @Tag(FULL_SUITE) // MultiHostIT runs the services on hosts of their own; this row needs 90 s and a system of its own
    void scenario8_networkPartitionOfOneMember() {
        onHostsOfTheirOwn("8. network partition of one member, then healed" + MEMORY_ONLY_ROW, network -> List.of());
    }

    @Test
    @Order(91)
    @Tag(FULL_SUITE) // as 8
    void scenario8_networkPartitionOfOneMemberWithTheDatabase() throws IOException {
        List<DelayingProxy> proxies = new ArrayList<>();
        try (PrivatePostgres postgres = new PrivatePostgres()) {
            Map<String, String> store = postgres.storeEnvironment();
            // The hosts reach the database, on the test's loopback, through the test's end of their HTTP network.
            onHostsOfTheirOwn("8. network partition of one member, then healed" + DATABASE_ROW, network -> {
                DelayingProxy proxy = new DelayingProxy(address(network.testAddress()), postgres.port());
                proxies.add(proxy);
                return List.of(
                        "--hazelog.store.url="
                                + store.get("HAZELOG_STORE_URL")
                                        .replace(
                                                "127.0.0.1:" + postgres.port(),
                                                network.testAddress() + ":" + proxy.port()),
                        "--hazelog.store.user=" + store.get("HAZELOG_STORE_USER"),
                        "--hazelog.store.password=" + store.get("HAZELOG_STORE_PASSWORD"));
            });
        } finally {
            for (DelayingProxy proxy : proxies) {
                proxy.close();
            }
        }
    }

    /** @param storeArguments the logging services' arguments that name their database, given the network */
    private void onHostsOfTheirOwn(String scenario, Function<TestNetwork, List<String>> storeArguments) {
        if (launcher != null) {
            launcher.close();
            launcher = null;
        }
        Optional<String> unavailable = TestNetwork.unavailableReason();
        if (unavailable.isPresent()) {
            report.add(new FaultReport.Row(scenario, 0, 0, 0, 0, 0, null, null, "NOT RUN: " + unavailable.get()));
            Assumptions.abort(unavailable.get());
        }
        try (TestNetwork network = new TestNetwork(3);
                NetworkedSystem system = new NetworkedSystem(network)) {
            try {
                partition(scenario, network, system.start(storeArguments.apply(network)));
            } catch (RuntimeException | AssertionError e) {
                System.err.println("Service logs:\n" + system.logTails());
                throw e;
            }
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private void partition(String scenario, TestNetwork network, NetworkedSystem system) {
        LoadGenerator load =
                new LoadGenerator(system.facadeUrl(), "s8", CLIENTS, RATE_PER_CLIENT, CLIENT_TIMEOUT, false).start();
        pause(STEADY);
        Instant fault = Instant.now();
        network.cutClusterLink(3);
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertThat(system.clusterSizeSeenBy(1)).isEqualTo(2);
                    assertThat(system.clusterSizeSeenBy(3)).isEqualTo(1);
                });
        Instant split = Instant.now();
        pause(STEADY);
        // Both sides keep answering, and the facade kept writing to both.
        for (int host : List.of(1, 3)) {
            JsonNode messages = system.logging(host).get("/messages").json().path("messages");
            assertThat(messages.valueStream()
                            .filter(message ->
                                    message.path("storedBy").asString().equals("logging-" + host))
                            .map(message ->
                                    Instant.parse(message.path("acceptedAt").asString())))
                    .as("messages logging-%d accepted during the partition", host)
                    .anyMatch(accepted -> accepted.isAfter(split));
        }
        network.healClusterLink(3);
        // Merged means rejoined *and* done handing over what it stored alone; seeing three members is not enough.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    for (int host = 1; host <= 3; host++) {
                        assertThat(system.clusterSizeSeenBy(host)).isEqualTo(3);
                    }
                    assertThat(system.logging(3)
                                    .get("/cluster")
                                    .json()
                                    .path("lifecycle")
                                    .asString())
                            .isEqualTo("MERGED");
                });
        Duration recovered = Duration.between(fault, Instant.now());
        pause(STEADY);

        LoadGenerator.Result result = load.stop();
        Tally tally = tally(
                scenario,
                result,
                recovered,
                system.facade(),
                "split after %d s; both sides took writes; time = until merged"
                        .formatted(Duration.between(fault, split).toSeconds()),
                result.errors());

        tally.assertNothingLostOrDuplicated();
    }

    @Test
    @Order(92)
    @Tag(FULL_SUITE) // FailureScenarioIT, and ContainersIT under load, SIGKILL a logging service and restart it
    void scenario1_sigkillOneLoggingServiceAndRestartItTenSecondsLaterWithTheDatabase(
            @ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        sigkillOneAndRestartIt(DATABASE_ROW);
    }

    @Test
    @Order(93)
    @Tag(FULL_SUITE) // FailureScenarioIT SIGTERMs a logging service and checks its handover
    void scenario2_rollingRestartWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        rollingRestart(DATABASE_ROW);
    }

    @Test
    @Order(94)
    void scenario3_twoLoggingServicesSigkilledAtOnceWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        Tally tally = killTwoAtOnce(
                "3. SIGKILL two at once, backup count 1" + DATABASE_ROW,
                "s3",
                "entries lost from memory are read from the database");

        tally.assertNothingLostOrDuplicated();
    }

    @Test
    @Order(95)
    void scenario4_configServiceDownForTwentySecondsWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        configServiceDown(DATABASE_ROW);
    }

    @Test
    @Order(96)
    void scenario5_messagesServiceDownDuringReadsWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        messagesServiceDownDuringReads(DATABASE_ROW);
    }

    @Test
    @Order(97)
    void scenario7_clientRetryingWithTheSameIdempotencyKeyThroughASigkillWithTheDatabase(
            @ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        idempotentRetriesThroughASigkill(DATABASE_ROW);
    }

    @Test
    @Order(98)
    void scenario6_allLoggingServicesDownWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        allLoggingServicesDown(DATABASE_ROW);
    }

    @Test
    @Order(100)
    @Tag(FULL_SUITE) // DurabilityIT: down, then up, every message kept in order
    void scenario9_downThenUpWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        Tally tally = durableFault(
                shared, "9. database: ./hazelog down, then up", "s9", "errors = while the system was down", () -> {
                    launcher.run("down");
                    launcher.up();
                });

        tally.assertNothingLostOrDuplicated();
    }

    @Test
    @Order(110)
    @Tag(FULL_SUITE) // 11 SIGKILLs these three with every other process
    void scenario10_allLoggingServicesSigkilledAtOnceWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        Tally tally = durableFault(
                shared,
                "10. database: SIGKILL all three logging services at once, then up",
                "s10",
                "errors = while no logging service ran",
                () -> {
                    launcher.killAtOnce("logging-1", "logging-2", "logging-3");
                    launcher.up();
                });

        tally.assertNothingLostOrDuplicated();
    }

    @Test
    @Order(120)
    void scenario11_everyProcessSigkilledAtOnceWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        Tally tally = durableFault(
                shared,
                "11. database: SIGKILL every process at once (a power cut), then up",
                "s11",
                "errors = while nothing ran",
                () -> {
                    launcher.killAtOnce(launcher.services().toArray(String[]::new));
                    launcher.up();
                });

        tally.assertNothingLostOrDuplicated();
    }

    @Test
    @Order(130)
    @Tag(FULL_SUITE) // 14 freezes the database under load, and PostgresStoreIT kills it under the logging services
    void scenario12_databaseKilledForTwentySeconds(@ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        databaseOutage(
                "12. database (PostgreSQL, every process) SIGKILLed for 20 s, then started",
                "s12",
                Duration.ofSeconds(20),
                () -> launcher.kill("database"),
                () -> launcher.start("database"));
    }

    @Test
    @Order(140)
    void scenario13_oneLoggingServiceFrozenForTwentySecondsWithTheDatabase(
            @ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        Frozen frozen = freeze(
                "13. logging-2 frozen (SIGSTOP) for 20 s, then thawed, with the database",
                "logging-2",
                Duration.ofSeconds(20),
                "s13");

        frozen.tally().assertNothingLostOrDuplicated();
        assertThat(frozen.failedShare()).as("writes that failed").isLessThanOrEqualTo(0.01);
        assertThat(frozen.flowing()).as("writes acknowledged during the freeze").isGreaterThanOrEqualTo(0.8);
        assertThat(frozen.p99()).as("p99 of the answers").isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @Order(150)
    void scenario14_databaseFrozenForTenSeconds(@ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        databaseOutage(
                "14. database (PostgreSQL, every process) frozen (SIGSTOP) for 10 s, then thawed",
                "s14",
                Duration.ofSeconds(10),
                () -> launcher.freeze("database"),
                () -> launcher.thaw("database"));
    }

    /**
     * The database away under load, then back: every write answers within a second, a 503 that names the database; a
     * read half-way answers as quickly, from memory or with that 503; writes resume by themselves once it is back.
     */
    private void databaseOutage(String scenario, String label, Duration away, Runnable stop, Runnable restart) {
        LoadGenerator load = load(label);
        pause(STEADY);
        Instant fault = Instant.now();
        stop.run();
        Answer read;
        Duration readTook;
        try {
            pause(away.dividedBy(2));
            long started = System.nanoTime();
            read = launcher.http("facade").get("/messages?limit=10");
            readTook = Duration.ofNanos(System.nanoTime() - started);
            pause(away.dividedBy(2));
        } finally {
            restart.run();
        }
        long backAt = System.nanoTime();
        Duration recovered = awaitWhole(fault);
        pause(STEADY);

        LoadGenerator.Result result = load.stop();
        Duration resumed = result.resumedAfter(backAt);
        Tally tally = tally(
                scenario,
                result,
                recovered,
                ("errors = 503s naming the database; slowest answer %d ms, %d over 1 s; a read half-way answered %d"
                                + " after %d ms; writes resumed %d ms after its return")
                        .formatted(
                                result.latency(1.0).toMillis(),
                                result.slowerThan(Duration.ofSeconds(1)),
                                read.status(),
                                readTook.toMillis(),
                                resumed.toMillis()),
                result.errors());

        tally.assertNothingLostOrDuplicated();
        assertThat(result.unavailable()).as("every error a 503").isEqualTo(result.errors());
        assertThat(result.errorSamples())
                .allSatisfy(sample -> assertThat(sample).contains("message database"));
        assertThat(result.slowerThan(Duration.ofSeconds(1)))
                .as("answers slower than 1 s")
                .isZero();
        assertThat(read.status()).as("a read while the database is away").isIn(200, 503);
        assertThat(readTook).as("a read while the database is away").isLessThan(Duration.ofSeconds(1));
        assertThat(resumed)
                .as("from its return to the first write acknowledged")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    @Order(160)
    void scenario17_oneLoggingServiceFrozenForTwoSecondsWithTheDatabase(
            @ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        briefFreezeGoesUnnoticed("17. logging-2 frozen (SIGSTOP) for 2 s (a long GC pause), with the database", "s17");
    }

    @Test
    @Order(170)
    @Tag(FULL_SUITE) // as 18
    void scenario19_aMinuteAtFullWriteLoadWithTheDatabase(@ExtendWith(RunningSystem.class) Launcher shared) {
        durableSystem(shared);
        fullLoad("19. 60 s at full write load, nothing broken, with the database", "s19");
    }

    /** Clients that send as fast as they are answered for a minute: no member may be suspected meanwhile. */
    private void fullLoad(String scenario, String label) {
        long suspectedBefore = suspicions();
        LoadGenerator load = new LoadGenerator(launcher.url("facade"), label, 16, 10_000, CLIENT_TIMEOUT, false);
        loads.add(load);
        load.start();
        pause(Duration.ofSeconds(60));
        LoadGenerator.Result result = load.stop();
        long suspected = suspicions() - suspectedBefore;
        Tally tally = tally(
                scenario,
                result,
                null,
                "16 clients, %,d writes/s; members suspected: %d"
                        .formatted(result.sends().size() / 60, suspected),
                result.errors());

        tally.assertNothingLostOrDuplicated();
        tally.assertNoClientErrors();
        assertThat(suspected).as("times a member was suspected to be dead").isZero();
    }

    /** How often the logging services' members have suspected another to be dead so far. */
    private long suspicions() {
        return Stream.of("logging-1", "logging-2", "logging-3")
                .mapToLong(name -> launcher.log(name).split("is suspected to be dead", -1).length - 1)
                .sum();
    }

    /** A pause as long as a long garbage collection: no member removed, no client error, nothing lost. */
    private void briefFreezeGoesUnnoticed(String scenario, String label) {
        Frozen frozen = freeze(scenario, "logging-2", Duration.ofSeconds(2), label);

        frozen.tally().assertNothingLostOrDuplicated();
        assertThat(frozen.removedAfter()).as("out of the cluster after").isNull();
        frozen.tally().assertNoClientErrors();
    }

    /**
     * Freezes a service under load and thaws it; counts the writes that started during the freeze and were
     * acknowledged, against the rate the same clients had acknowledged before it.
     */
    private Frozen freeze(String scenario, String name, Duration frozenFor, String label) {
        LoadGenerator load = load(label);
        long steadyFrom = System.nanoTime();
        pause(STEADY);
        Instant fault = Instant.now();
        long frozenAt = System.nanoTime();
        launcher.freeze(name);
        Duration removedAfter;
        try {
            removedAfter = removedWithin(frozenFor, name);
            pause(frozenFor.minus(Duration.ofNanos(System.nanoTime() - frozenAt)));
        } finally {
            launcher.thaw(name);
        }
        long thawedAt = System.nanoTime();
        Duration recovered = awaitWhole(fault);
        pause(STEADY);
        LoadGenerator.Result result = load.stop();
        // Expected: as many per second as the same clients had acknowledged before the freeze. On a busy machine the
        // clients fall short of their nominal rate with nothing broken, which says nothing about the freeze.
        double before = (double) result.acknowledgedStartedBetween(steadyFrom, frozenAt) / (frozenAt - steadyFrom);
        double during = (double) result.acknowledgedStartedBetween(frozenAt, thawedAt) / (thawedAt - frozenAt);
        double flowing = during / before;
        double nominal = during * 1e9 / (CLIENTS * RATE_PER_CLIENT);
        Duration p99 = result.latency(0.99);
        String note = "%s; during the freeze %.0f %% of the writes per second acknowledged before it (%.0f %% of the"
                        .formatted(
                                removedAfter == null
                                        ? "never out of the cluster"
                                        : "out of the cluster after %.1f s".formatted(removedAfter.toMillis() / 1000.0),
                                100 * flowing,
                                100 * nominal)
                + " clients' nominal rate); p99 %d ms".formatted(p99.toMillis());
        return new Frozen(
                tally(scenario, result, recovered, note, result.errors()),
                flowing,
                (double) result.errors() / result.sends().size(),
                p99,
                removedAfter);
    }

    /** How long until another member saw the frozen one leave the cluster; null if it stayed for the whole time. */
    private Duration removedWithin(Duration time, String frozen) {
        String witness = frozen.equals("logging-1") ? "logging-2" : "logging-1";
        long started = System.nanoTime();
        try {
            await().atMost(time)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> launcher.http(witness)
                                    .get("/cluster")
                                    .json()
                                    .path("members")
                                    .size()
                            < 3);
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (ConditionTimeoutException stayed) {
            return null;
        }
    }

    /**
     * @param flowing the writes acknowledged per second during the freeze, as a share of those before it
     * @param failedShare the writes that failed, as a share of all the clients started
     * @param removedAfter from the freeze until another member saw it leave the cluster; null if it never did
     */
    record Frozen(Tally tally, double flowing, double failedShare, Duration p99, Duration removedAfter) {}

    /** A fault under load on the system with its database, from the fault until it is whole again. */
    private Tally durableFault(Launcher shared, String scenario, String label, String note, Runnable fault) {
        durableSystem(shared);
        LoadGenerator load = load(label);
        pause(STEADY);
        Instant started = Instant.now();
        fault.run();
        Duration recovered = awaitWhole(started);
        pause(STEADY);
        return finish(scenario, load, recovered, note);
    }

    /**
     * From here on the rows run on the system the other tests share, which keeps its messages in the database (the
     * PostgreSQL server {@code ./hazelog up} runs by default), and is whole again after each of them.
     */
    private void durableSystem(Launcher shared) {
        if (onTheSharedSystem) {
            return;
        }
        if (launcher != null) {
            launcher.close();
        }
        launcher = shared;
        onTheSharedSystem = true;
    }

    private Tally killTwoAtOnce(String scenario, String label, String note) {
        LoadGenerator load = load(label);
        pause(STEADY);
        Instant fault = Instant.now();
        launcher.killAtOnce("logging-1", "logging-2");
        pause(Duration.ofSeconds(5));
        launcher.up();
        Duration recovered = awaitWhole(fault);
        pause(STEADY);
        return finish(scenario, load, recovered, note);
    }

    private LoadGenerator load(String label) {
        LoadGenerator load =
                new LoadGenerator(launcher.url("facade"), label, CLIENTS, RATE_PER_CLIENT, CLIENT_TIMEOUT, false);
        loads.add(load);
        return load.start();
    }

    /** A row that failed half-way leaves no clients writing into the next test's system. */
    @AfterEach
    void stopLoadsLeftRunning() {
        loads.forEach(LoadGenerator::stop);
        loads.clear();
    }

    private Tally finish(String scenario, LoadGenerator load, Duration recovered, String note) {
        LoadGenerator.Result result = load.stop();
        return tally(scenario, result, recovered, note, result.errors());
    }

    private Tally finish(String scenario, LoadGenerator load, Duration recovered, String note, int moreErrors) {
        LoadGenerator.Result result = load.stop();
        return tally(scenario, result, recovered, note, result.errors() + moreErrors);
    }

    private Tally tally(String scenario, LoadGenerator.Result result, Duration recovered, String note, int errors) {
        return tally(scenario, result, recovered, launcher.http("facade"), note, errors);
    }

    /** Counts, among everything stored, each acknowledged message of this load: present once, missing, or repeated. */
    private Tally tally(
            String scenario,
            LoadGenerator.Result result,
            Duration recovered,
            HttpProbe facade,
            String note,
            int errors) {
        List<JsonNode> stored =
                facade.get("/messages").json().path("messages").valueStream().toList();
        Map<String, Long> copiesOfText = stored.stream()
                .map(message -> message.path("msg").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        int found = 0;
        int duplicated = 0;
        for (var message : result.acknowledged().entrySet()) {
            long copies = copiesOfText.getOrDefault(message.getValue(), 0L);
            found += copies > 0 ? 1 : 0;
            duplicated += (int) Math.max(0, copies - 1);
        }
        int acknowledged = result.acknowledged().size();
        String samples = result.errorSamples().isEmpty() ? "" : "; e.g. " + String.join("; ", result.errorSamples());
        String repeats = result.repeats() > 0 ? "; %d answers were repeats".formatted(result.repeats()) : "";
        Tally tally = new Tally(acknowledged, found, acknowledged - found, duplicated, errors);
        report.add(new FaultReport.Row(
                scenario,
                acknowledged,
                found,
                tally.lost(),
                duplicated,
                errors,
                result.latency(1.0),
                recovered,
                note + repeats + samples));
        return tally;
    }

    /** Waits until every service is healthy, the cluster has three members and a write succeeds. */
    private Duration awaitWhole(Instant since) {
        HttpProbe facade = launcher.http("facade");
        await().atMost(WHOLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String name : launcher.jvmServices()) {
                assertThat(launcher.http(name).get("/actuator/health").status())
                        .as(name)
                        .isEqualTo(200);
            }
            for (String name : List.of("logging-1", "logging-2", "logging-3")) {
                assertThat(launcher.http(name)
                                .get("/cluster")
                                .json()
                                .path("members")
                                .size())
                        .as(name)
                        .isEqualTo(3);
            }
            assertThat(facade.postJson("/messages", "{\"msg\": \"probe\"}").status())
                    .isEqualTo(201);
        });
        return Duration.between(since, Instant.now());
    }

    /** Keeps the load running for a while; the load is the point, not the wait. */
    private static void pause(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return ("%d cores, Java %s, services with ./hazelog's JVM options (scenario 8: -Xmx256m),"
                        + " %d clients × %d messages/s")
                .formatted(runtime.availableProcessors(), System.getProperty("java.version"), CLIENTS, RATE_PER_CLIENT);
    }

    record Tally(int acknowledged, int found, int lost, int duplicated, int errors) {

        void assertNothingLostOrDuplicated() {
            assertThat(acknowledged).as("acknowledged").isPositive();
            assertThat(lost).as("lost").isZero();
            assertThat(duplicated).as("duplicated").isZero();
        }

        void assertNoClientErrors() {
            assertThat(errors).as("client-visible errors").isZero();
        }
    }
}
