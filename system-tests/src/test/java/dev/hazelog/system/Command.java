package dev.hazelog.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An outside program run to its end: its exit code and everything it printed. */
record Command(String shown, int exitCode, String output) {

    static Command run(Path directory, Map<String, String> environment, List<String> command, Duration timeout) {
        String shown = String.join(" ", command);
        try {
            // Into a file, not a pipe: a long output cannot stall the process, and the timeout holds.
            Path output = Files.createTempFile("command-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException(
                            shown + " did not finish within " + timeout + ": " + Files.readString(output));
                }
                return new Command(shown, process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(shown + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final int LINES_SHOWN = 60;

    /** What it printed, if it succeeded; else its last lines, where the reason is. */
    String orThrow() {
        if (exitCode != 0) {
            List<String> lines = output.lines().toList();
            String last = String.join("\n", lines.subList(Math.max(0, lines.size() - LINES_SHOWN), lines.size()));
            throw new IllegalStateException(shown + " failed (" + exitCode + "), its last lines:\n" + last);
        }
        return output;
    }
}
