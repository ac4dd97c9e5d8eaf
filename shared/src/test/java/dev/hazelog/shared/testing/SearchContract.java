package dev.hazelog.shared.testing;

import static dev.hazelog.shared.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What {@code GET /messages?contains=&since=&until=&storedBy=} promises, wherever it is asked and whatever keeps the
 * messages: each test stores messages of its own, and every answer is compared with the same criteria applied here
 * to what was stored. The messages of a test carry a word of its own, and its other searches start at or after its
 * first message, so messages stored before do not change the answers.
 */
public interface SearchContract {

    /** Where the searches are sent. */
    HttpProbe searched();

    /** Stores the texts one after another, through more than one logging instance where it can; as stored. */
    List<Stored> store(List<String> texts);

    record Stored(String id, String text, Instant acceptedAt, String storedBy) {}

    /** Ten texts, each with the word: mixed case and scripts, LIKE's wildcards and escape, a line break. */
    private List<Stored> storeTen(String word) {
        return store(List.of(
                word + " Grüße aus Berlin",
                word + " hello WORLD",
                word + " 100% sure_thing",
                word + " 100X sureXthing",
                word + " line one\nline two",
                word + " GRÜSSE zurück",
                word + " Привет мир",
                word + " back\\slash 🌍",
                word + " backslash",
                word + " world peace"));
    }

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    default void aSubstringIsFoundInAnyCaseAndScriptWithItsWildcardsTakenLiterally() {
        String word = word();
        List<Stored> stored = storeTen(word);

        record Expected(String contains, int matches) {}
        for (Expected expected : List.of(
                new Expected(word.toUpperCase(Locale.ROOT) + " GRÜ", 2),
                new Expected(word + " hello world", 1),
                new Expected(word + " 100% sure_thing", 1),
                new Expected(word + " back\\slash", 1),
                new Expected(word + " LINE ONE\nline", 1),
                new Expected(word + " пРИВЕТ", 1),
                new Expected(word + " back\\slash 🌍", 1),
                new Expected(word, 10),
                new Expected(word + " nowhere", 0))) {
            List<String> found = foundIds(search("contains=" + encoded(expected.contains())));

            assertThat(found)
                    .as("contains=%s", expected.contains())
                    .hasSize(expected.matches())
                    .isEqualTo(ids(expected(stored, containing(expected.contains()))));
        }
    }

    @Test
    default void aTimeWindowIncludesSinceAndExcludesUntilToTheNanosecond() {
        List<Stored> stored = inAcceptanceOrder(storeTen(word()));
        Instant second = stored.get(1).acceptedAt();
        Instant sixth = stored.get(5).acceptedAt();

        assertThat(foundIds(search("since=" + second + "&until=" + sixth))).isEqualTo(ids(stored.subList(1, 5)));
        assertThat(foundIds(search("since=" + second.plusNanos(1) + "&until=" + sixth.plusNanos(1))))
                .isEqualTo(ids(stored.subList(2, 6)));
        assertThat(foundIds(search("since="
                        + encoded(second.atOffset(ZoneOffset.ofHours(1)).toString()))))
                .as("an instant written with an offset")
                .isEqualTo(ids(stored.subList(1, 10)));
        assertThat(foundIds(search(stored.getFirst().id(), "until=" + sixth)))
                .as("until alone, after a cursor")
                .isEqualTo(ids(stored.subList(1, 5)));
        assertThat(foundIds(search("since=" + sixth + "&until=" + sixth))).isEmpty();
    }

    @Test
    default void anInstanceNameFindsWhatThatInstanceStored() {
        List<Stored> stored = inAcceptanceOrder(storeTen(word()));
        String instance = stored.get(1).storedBy();

        List<JsonNode> found = search(stored.getFirst().id(), "storedBy=" + instance);

        assertThat(found)
                .allSatisfy(message ->
                        assertThat(message.path("storedBy").asString()).isEqualTo(instance));
        assertThat(foundIds(found))
                .isEqualTo(ids(expected(
                        stored.subList(1, 10), message -> message.storedBy().equals(instance))));
        assertThat(foundIds(search(stored.getFirst().id(), "storedBy=no-such-instance")))
                .isEmpty();
    }

    @Test
    default void everyCriterionTogetherNarrowsTheReadAndItsPagesFollowAcceptanceOrder() {
        String word = word();
        List<Stored> stored = inAcceptanceOrder(storeTen(word));
        Instant since = stored.get(1).acceptedAt();
        Instant until = stored.get(9).acceptedAt();
        String instance = stored.get(1).storedBy();

        List<JsonNode> found = search("contains=" + encoded(word.toUpperCase(Locale.ROOT)) + "&since=" + since
                + "&until=" + until + "&storedBy=" + instance);

        Predicate<Stored> all = containing(word)
                .and(message -> !message.acceptedAt().isBefore(since)
                        && message.acceptedAt().isBefore(until))
                .and(message -> message.storedBy().equals(instance));
        assertThat(foundIds(found)).isNotEmpty().isEqualTo(ids(expected(stored, all)));
        assertThat(found.getFirst().path("msg").asString())
                .isEqualTo(stored.get(1).text());
    }

    @Test
    default void badCriteriaAreProblemsThatNameTheirParameter() {
        for (String query : List.of(
                "contains=",
                "contains=" + "x".repeat(1001),
                "since=yesterday",
                "since=2026-12-03",
                "until=2026-12-03T07:00:00",
                "until=" + encoded("+20000-01-01T00:00:00Z"),
                "storedBy=",
                "since=2026-12-03T08:00:00Z&until=2026-12-03T07:00:00Z")) {
            String parameter = query.substring(query.lastIndexOf('&') + 1, query.indexOf('=', query.lastIndexOf('&')));
            JsonNode problem = assertProblem(searched().get("/messages?" + query), 400);

            assertThat(problem.path("title").asString()).as(query).isEqualTo("Invalid " + parameter);
            assertThat(problem.path("detail").asString()).as(query).contains(parameter);
        }
    }

    private List<JsonNode> search(String query) {
        return search(null, query);
    }

    /**
     * Every message a search finds after the cursor (or from the first), read page after page (three to a page) by
     * following {@code next}.
     */
    private List<JsonNode> search(@Nullable String after, String query) {
        List<JsonNode> found = new ArrayList<>();
        String next = after;
        do {
            HttpProbe.Answer answer =
                    searched().get("/messages?limit=3&" + query + (next == null ? "" : "&after=" + next));
            assertThat(answer.status()).as("%s: %s", query, answer).isEqualTo(200);
            JsonNode page = answer.json();
            assertThat(page.path("messages").size()).isLessThanOrEqualTo(3);
            page.path("messages").valueStream().forEach(found::add);
            next = page.path("next").isNull() ? null : page.path("next").asString();
        } while (next != null);
        return found;
    }

    private static Predicate<Stored> containing(String text) {
        return message -> message.text().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    private static List<Stored> expected(List<Stored> stored, Predicate<Stored> criteria) {
        return inAcceptanceOrder(stored.stream().filter(criteria).toList());
    }

    private static List<Stored> inAcceptanceOrder(List<Stored> stored) {
        return stored.stream()
                .sorted(Comparator.comparing(Stored::acceptedAt).thenComparing(Stored::id))
                .toList();
    }

    private static List<String> ids(List<Stored> messages) {
        return messages.stream().map(Stored::id).toList();
    }

    private static List<String> foundIds(List<JsonNode> messages) {
        return messages.stream().map(message -> message.path("id").asString()).toList();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
