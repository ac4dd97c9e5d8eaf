package dev.hazelog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code ./hazelog} commands for the workloads that stop and start the system. */
final class Launcher {

    private final Path script;

    Launcher(Path script) {
        this.script = script;
    }

    Path root() {
        return script.toAbsolutePath().getParent();
    }

    void run(String command) {
        run(command, Map.of());
    }

    /** @param environment added to this process's own, e.g. {@code HAZELOG_STORE=memory} */
    void run(String command, Map<String, String> environment) {
        ProcessBuilder launcher = new ProcessBuilder(script.toString(), command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        launcher.environment().putAll(environment);
        try {
            if (launcher.start().waitFor() != 0) {
                throw new IllegalStateException("./hazelog " + command + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
