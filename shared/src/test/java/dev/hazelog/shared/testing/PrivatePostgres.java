package dev.hazelog.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, started as {@code ./hazelog} starts the default database ({@code ./hazelog
 * start database} on a run folder and a free port of its own): the same programs, settings, user and generated
 * password. {@link #close()} stops it and deletes its data.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path ROOT =
            Path.of(System.getProperty("hazelog.root", "..")).toAbsolutePath().normalize();

    /** The database's one user, as ./hazelog creates it. */
    public static final String USER = "hazelog";

    private final Path runDirectory;
    private final int port = FreePorts.next();

    public PrivatePostgres() {
        try {
            // Others may enter it: started by root, the server runs as an unprivileged user.
            runDirectory = Files.createTempDirectory(
                    "hazelog-database-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public int port() {
        return port;
    }

    /** The JDBC URL with the user and its password. */
    public String url() {
        return url(port);
    }

    /** The same through another port on loopback, such as a proxy's in front of the server. */
    public String url(int throughPort) {
        return "jdbc:postgresql://127.0.0.1:%d/hazelog?user=%s&password=%s".formatted(throughPort, USER, password());
    }

    /** What the server has written to its log, as ./hazelog keeps it. */
    public String log() {
        try {
            return Files.readString(runDirectory.resolve("logs/database.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How ./hazelog is told to keep the messages in this database instead of starting its own. */
    public Map<String, String> storeEnvironment() {
        return Map.of(
                "HAZELOG_STORE_URL", url().replaceFirst("\\?.*", ""),
                "HAZELOG_STORE_USER", USER,
                "HAZELOG_STORE_PASSWORD", password());
    }

    /** The server's first process, the parent of all the others. */
    public long pid() {
        try {
            return Long.parseLong(
                    Files.readString(runDirectory.resolve("database.pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password ./hazelog generated at the first start. */
    public String password() {
        try {
            return Files.readString(runDirectory.resolve("data/password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void start() {
        hazelog("start");
    }

    /** Stops it at once, as a crash would: every process of the server SIGKILLed, no checkpoint. */
    public void kill() {
        hazelog("kill");
    }

    /** SIGSTOP on every process of the server: it hangs with its connections open, as a stalled machine would. */
    public void freeze() {
        hazelog("freeze");
    }

    public void thaw() {
        hazelog("thaw");
    }

    @Override
    public void close() {
        try {
            hazelog("stop");
        } finally {
            try (Stream<Path> files = Files.walk(runDirectory)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void hazelog(String command) {
        List<String> arguments = List.of(ROOT.resolve("hazelog").toString(), command, "database");
        try {
            ProcessBuilder builder = new ProcessBuilder(arguments)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("HAZELOG_RUN_DIR", runDirectory.toString());
            builder.environment().put("HAZELOG_DATABASE_PORT", String.valueOf(port));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES))
                    .as("%s finished", arguments)
                    .isTrue();
            if (!command.equals("stop")) { // stopping one that is not running is not a failure here
                assertThat(process.exitValue()).as("%s:%n%s", arguments, output).isZero();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
