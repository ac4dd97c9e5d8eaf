package dev.hazelog.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fault suite's results: one row per scenario, printed and written as Markdown. */
final class FaultReport {

    private final List<Row> rows = new ArrayList<>();

    /**
     * @param slowest the longest a client waited for a message's answer; null when no load ran
     * @param recovered from the fault until every service was healthy, the cluster whole and a write succeeded; null
     *     when the scenario has no such moment
     */
    record Row(
            String scenario,
            int acknowledged,
            int found,
            int lost,
            int duplicated,
            int errors,
            Duration slowest,
            Duration recovered,
            String note) {}

    synchronized void add(Row row) {
        rows.add(row);
        System.out.println(format(List.of(row)));
    }

    String table() {
        return format(rows);
    }

    private static String format(List<Row> rows) {
        StringBuilder table = new StringBuilder(
                "| scenario | acknowledged | found | lost | duplicated | client-visible errors | slowest answer"
                        + " | time to recover | note |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            table.append("| %s | %d | %d | %d | %d | %d | %s | %s | %s |\n"
                    .formatted(
                            row.scenario(),
                            row.acknowledged(),
                            row.found(),
                            row.lost(),
                            row.duplicated(),
                            row.errors(),
                            seconds(row.slowest()),
                            seconds(row.recovered()),
                            row.note()));
        }
        return table.toString();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** The table with the date and the machine it ran on, for docs/RELIABILITY.md. */
    void write(Path file, String machine) {
        String text = "Run on %s, %s.%n%n%s".formatted(LocalDate.now(), machine, table());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
