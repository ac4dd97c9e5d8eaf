package dev.hazelog.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Q's searches, each on a log filled for it: a rare word in {@value #RARE} messages spread evenly over the log, and a
 * window of acceptance times that holds exactly {@value #WINDOW} messages half-way through it. Each search is
 * checked once before it is measured, so a run that finds too few or too many does not report a time.
 */
final class SearchQueries {

    static final int RARE = 50;
    static final int WINDOW = 1000;
    static final int FIRST_PAGE = 100;

    private final Targets targets;
    private final String rare;
    private final String window;
    /** A word every message has: the first page of them. */
    private final String common = "/messages?limit=" + FIRST_PAGE + "&contains=bench";

    private SearchQueries(Targets targets, String rare, String window) {
        this.targets = targets;
        this.rare = rare;
        this.window = window;
    }

    /**
     * Fills the empty store to {@code stored} messages with batches, one after another: every message a bench text
     * (the word "bench" in each), one in {@code stored / 50} with the rare word too.
     */
    static SearchQueries fill(Targets targets, int stored) throws IOException {
        String rare = "needle" + UUID.randomUUID().toString().substring(0, 8);
        int every = stored / RARE;
        String window = null;
        for (int from = 0; from < stored; from += Bench.BATCH) {
            List<String> texts = new ArrayList<>();
            for (int i = from; i < Math.min(stored, from + Bench.BATCH); i++) {
                texts.add(i % every == every / 2 ? rare + " " + targets.text() : targets.text());
            }
            targets.postBatch(texts);
            if (window == null && from + Bench.BATCH >= stored / 2) {
                window = lastThousand(targets);
            }
            if (from % (stored / 10) == 0) {
                Bench.Phase.progress("Q", "filled " + from + " of " + stored);
            }
        }
        SearchQueries queries =
                new SearchQueries(targets, "/messages?limit=" + FIRST_PAGE + "&contains=" + rare, window);
        queries.check(queries.rare, RARE);
        queries.check(queries.window, WINDOW);
        queries.check(queries.common, FIRST_PAGE);
        return queries;
    }

    /** The window of the last {@value #WINDOW} messages stored: from the first one's stamp to just after the last. */
    private static String lastThousand(Targets targets) throws IOException {
        JsonNode latest = targets.getJson("/messages/latest?limit=" + WINDOW).path("messages");
        Instant since = Instant.parse(latest.get(0).path("acceptedAt").asString());
        Instant until = Instant.parse(latest.get(WINDOW - 1).path("acceptedAt").asString())
                .plus(1, ChronoUnit.MICROS);
        return "/messages?limit=" + WINDOW + "&since=" + encoded(since) + "&until=" + encoded(until);
    }

    void rare() throws IOException {
        targets.get(rare);
    }

    void window() throws IOException {
        targets.get(window);
    }

    void common() throws IOException {
        targets.get(common);
    }

    private void check(String search, int expected) throws IOException {
        int found = targets.getJson(search).path("messages").size();
        if (found != expected) {
            throw new IllegalStateException("%s found %d messages, not %d".formatted(search, found, expected));
        }
    }

    private static String encoded(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
