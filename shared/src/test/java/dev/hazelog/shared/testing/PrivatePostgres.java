package dev.hazelog.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, from Debian's {@code postgresql} package: a new data directory, a free port
 * on loopback, its socket in the data directory, and no password (trust). As root it runs as the {@code postgres}
 * user, as PostgreSQL insists. {@link #close()} stops it and deletes its data.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path binaries = binaries();
    private final Path data;
    private final int port = FreePorts.next();

    public PrivatePostgres() {
        try {
            data = Files.createTempDirectory("hazelog-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root()) {
            run(List.of("chown", "postgres:postgres", data.toString()));
        }
        asPostgres("initdb", "-D", data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8");
        start();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:%d/postgres?user=postgres".formatted(port);
    }

    public void start() {
        asPostgres(
                "pg_ctl",
                "-D",
                data.toString(),
                "-l",
                data.resolve("server.log").toString(),
                "-o",
                "-p %d -k %s -c listen_addresses=127.0.0.1".formatted(port, data),
                "-w",
                "start");
    }

    /** Stops it at once, as a crash would: no checkpoint, no goodbye to the clients. */
    public void kill() {
        asPostgres("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                asPostgres("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void asPostgres(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("%s finished", command)
                    .isTrue();
            assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed server's programs; a test without them fails, saying what to install. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Path newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                    .max(Comparator.comparing(
                            version -> Integer.parseInt(version.getFileName().toString())))
                    .orElseThrow();
            return newest.resolve("bin");
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(
                    "PostgreSQL's server programs are needed: apt-get install postgresql (.ci/run does)", e);
        }
    }
}
