package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.PrivatePostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database {@code ./hazelog up} runs by default, on the system the other tests share: every acknowledged write is
 * on disk before its answer, and only the logging services, with the generated password, get in, on loopback only.
 * On a server of its own: {@code ./hazelog freeze database} stops every one of its processes.
 */
@ExtendWith(RunningSystem.class)
class DatabaseIT {

    private static final int SEQUENTIAL_WRITES = 40;
    private static final int FREEZES = 30;
    /** Each attempt gives up within seconds, frozen server or not (pgjdbc's timeouts, in seconds). */
    private static final String BOUNDED = "&connectTimeout=2&loginTimeout=2&socketTimeout=2";

    /**
     * strace on every process of the server, counting {@code fdatasync}, the call that forces PostgreSQL's write-ahead
     * log to disk: one write at a time, each answered before the next, so each answer waited for at least one.
     */
    @Test
    void everyAcknowledgedWriteWasForcedToDiskBeforeItsAnswer(Launcher launcher) throws Exception {
        long server = launcher.pid("database");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-e", "trace=fdatasync", "-o"));
        Path trace = Files.createTempFile("hazelog-fdatasync-", ".txt");
        Path attached = Files.createTempFile("hazelog-strace-", ".txt");
        command.add(trace.toString());
        List<Long> processes = serverProcesses(server).toList();
        processes.forEach(pid -> command.addAll(List.of("-p", String.valueOf(pid))));
        Process strace;
        try {
            strace = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(attached.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("strace is needed to count the server's disk flushes: apt-get install strace", e);
        }
        HttpProbe facade = launcher.http("facade");
        int acknowledged = 0;
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.readString(attached)
                                    .lines()
                                    .filter(line -> line.contains("attached"))
                                    .count()
                            >= processes.size());
            for (int i = 0; i < SEQUENTIAL_WRITES; i++) {
                if (facade.postJson("/messages", "{\"msg\":\"on disk " + i + "\"}")
                                .status()
                        == 201) {
                    acknowledged++;
                }
            }
        } finally {
            strace.destroy(); // SIGTERM: strace detaches and writes what it saw
            strace.waitFor();
        }
        long flushes = Files.readString(trace)
                .lines()
                .filter(DatabaseIT::finishedFlush)
                .count();
        System.out.printf(
                "DatabaseIT: %d sequential writes acknowledged, %d fdatasync calls in the database's processes%n",
                acknowledged, flushes);
        assertThat(acknowledged).isEqualTo(SEQUENTIAL_WRITES);
        assertThat(flushes).isGreaterThanOrEqualTo(acknowledged);
        Files.delete(trace);
        Files.delete(attached);
    }

    /**
     * A call strace saw end: on one line, or, when another process's call came between, on the line that resumes it
     * (the first line of such a call ends in "<unfinished ...>").
     */
    private static boolean finishedFlush(String line) {
        return line.contains("fdatasync(") && !line.contains("unfinished") || line.contains("<... fdatasync resumed>");
    }

    @Test
    void onlyTheGeneratedPasswordGetsInAndOnlyOnLoopback(Launcher launcher) throws Exception {
        String url = "jdbc:" + launcher.url("database") + "/hazelog";
        String password = Files.readString(launcher.runDirectory().resolve("data/password"))
                .strip();

        try (Connection connection = DriverManager.getConnection(url, "hazelog", password)) {
            assertThat(connection.isValid(2)).isTrue();
        }
        for (String[] attempt : new String[][] {{"hazelog", ""}, {"hazelog", "hazelog"}, {"postgres", ""}}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, attempt[0], attempt[1])
                            .close())
                    .as("user %s with password '%s'", attempt[0], attempt[1])
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
        assertThat(Files.getPosixFilePermissions(launcher.runDirectory().resolve("data/password")))
                .hasToString("[OWNER_READ, OWNER_WRITE]");
        assertThat(listeningAddresses(Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"))))
                .containsExactly("127.0.0.1");
    }

    /** The local addresses that listen on a TCP port, from /proc/net/tcp and tcp6 (IPv4 addresses in hex, reversed). */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals("0A") && local.length == 2 && local[1].equalsIgnoreCase("%04X".formatted(port))) {
                    addresses.add(local[0].length() == 8 ? ipv4(local[0]) : local[0]);
                }
            }
        }
        return addresses;
    }

    private static String ipv4(String reversedHex) {
        byte[] bytes = HexFormat.of().parseHex(reversedHex);
        return "%d.%d.%d.%d".formatted(bytes[3] & 0xff, bytes[2] & 0xff, bytes[1] & 0xff, bytes[0] & 0xff);
    }

    /**
     * {@code ./hazelog freeze database} while connections are being opened, each a new process of the server: every
     * process stops, a new one too, or a frozen database would still answer (fault row 14, {@code PostgresStoreIT}).
     */
    @Test
    void aFrozenDatabaseHasEveryProcessStoppedWhileConnectionsAreOpened() throws Exception {
        try (PrivatePostgres postgres = new PrivatePostgres()) {
            AtomicBoolean connecting = new AtomicBoolean(true);
            Thread connections = Thread.ofPlatform().start(() -> {
                while (connecting.get()) {
                    try (Connection ignored = DriverManager.getConnection(postgres.url() + BOUNDED)) {
                        // opened and closed: a process of the server started and ended
                    } catch (SQLException frozen) {
                        // refused or timed out while the server is stopped
                    }
                }
            });
            try {
                for (int round = 1; round <= FREEZES; round++) {
                    postgres.freeze();
                    try {
                        assertThat(runningProcesses(postgres.pid()))
                                .as("processes of the frozen server still running, freeze %d", round)
                                .isEmpty();
                    } finally {
                        postgres.thaw();
                    }
                }
            } finally {
                connecting.set(false);
                connections.join();
            }
        }
    }

    /**
     * The server and its children neither stopped nor ended (zombies) nor about to stop (SIGSTOP pending: a busy
     * machine may not have run the process since the signal came): each as its id, its state and its name.
     */
    private static List<String> runningProcesses(long server) {
        return serverProcesses(server)
                .flatMap(pid -> {
                    try {
                        Path proc = Path.of("/proc", String.valueOf(pid));
                        String stat = Files.readString(proc.resolve("stat"));
                        char state = stat.charAt(stat.lastIndexOf(')') + 2);
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        boolean stopping = state == 'T' || state == 'Z' || stopPending(proc);
                        return stopping ? Stream.empty() : Stream.of(pid + " " + state + " " + name);
                    } catch (IOException gone) {
                        return Stream.empty();
                    }
                })
                .toList();
    }

    /** The server's first process and its children: every process of the database. */
    private static Stream<Long> serverProcesses(long server) {
        return Stream.concat(
                Stream.of(server),
                ProcessHandle.of(server).orElseThrow().children().map(ProcessHandle::pid));
    }

    /** SIGSTOP (19) among the signals sent to the process or to its thread and not yet acted on. */
    private static boolean stopPending(Path proc) throws IOException {
        long sigstop = 1L << (19 - 1);
        return Files.readAllLines(proc.resolve("status")).stream()
                .filter(line -> line.startsWith("ShdPnd:") || line.startsWith("SigPnd:"))
                .anyMatch(line -> (Long.parseUnsignedLong(line.substring(7).strip(), 16) & sigstop) != 0);
    }
}
