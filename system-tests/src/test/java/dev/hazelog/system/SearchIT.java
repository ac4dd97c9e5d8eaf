package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.shared.testing.HttpProbe;
import dev.hazelog.shared.testing.SearchContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A search through the facade, on the system ./hazelog starts: the database's trigram and time indexes behind it.
 * {@link MemoryOnlyIT} runs the same contract on a system without the database, the logging services' own tests on
 * the map alone and on the database behind it.
 */
@ExtendWith(RunningSystem.class)
class SearchIT implements SearchContract {

    private HttpProbe facade;

    @BeforeEach
    void connect(Launcher launcher) {
        facade = launcher.http("facade");
    }

    @Override
    public HttpProbe searched() {
        return facade;
    }

    @Override
    public List<Stored> store(List<String> texts) {
        return storeThrough(facade, texts);
    }

    /** One message after another through the facade, which picks the logging service and orders their stamps. */
    static List<Stored> storeThrough(HttpProbe facade, List<String> texts) {
        return texts.stream()
                .map(text -> {
                    String body = JsonNodeFactory.instance
                            .objectNode()
                            .put("msg", text)
                            .toString();
                    String id =
                            facade.postJson("/messages", body).json().path("id").asString();
                    JsonNode stored = facade.get("/messages/" + id).json();
                    return new Stored(
                            id,
                            stored.path("msg").asString(),
                            Instant.parse(stored.path("acceptedAt").asString()),
                            stored.path("storedBy").asString());
                })
                .toList();
    }

    @Test
    void theApiDocumentDescribesEveryCriterion() {
        JsonNode parameters = facade.get("/v3/api-docs").json().at("/paths/~1messages/get/parameters");

        assertThat(parameters
                        .valueStream()
                        .map(parameter -> parameter.path("name").asString()))
                .contains("limit", "after", "contains", "since", "until", "storedBy");
        assertThat(parameters.valueStream()).allSatisfy(parameter -> {
            assertThat(parameter.path("in").asString()).isEqualTo("query");
            assertThat(parameter.path("description").asString()).isNotBlank();
        });
    }
}
