package dev.hazelog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    void run(String... command) {
        run(Map.of(), command);
    }

    /** @param environment added to this process's own, e.g. {@code HAZELOG_STORE=memory} */
    void run(Map<String, String> environment, String... command) {
        List<String> line = new ArrayList<>(List.of(script.toString()));
        line.addAll(List.of(command));
        ProcessBuilder launcher =
                new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        launcher.environment().putAll(environment);
        try {
            if (launcher.start().waitFor() != 0) {
                throw new IllegalStateException("./hazelog " + String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
