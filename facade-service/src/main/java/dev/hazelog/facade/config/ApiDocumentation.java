package dev.hazelog.facade.config;

import dev.hazelog.facade.FacadeServiceApplication;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Objects;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The facade's API as OpenAPI ({@code /v3/api-docs}): its name, version and purpose, no credentials, and every error
 * answer an operation declares described as what it is, an RFC 9457 problem body.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI hazelogApi() {
        String version = Objects.requireNonNullElse(
                FacadeServiceApplication.class.getPackage().getImplementationVersion(), "development");
        return new OpenAPI()
                .info(new Info()
                        .title("Hazelog")
                        .version(version)
                        .description("A fault-tolerant message log. The facade is its only entry point: it gives each"
                                + " message an id and stores it through a logging service, whose Hazelcast member"
                                + " keeps it in the distributed map 'messages'. The original system's routes keep"
                                + " their names and shapes; the resource API is under /messages. Every error is an"
                                + " RFC 9457 problem body (application/problem+json)."));
    }

    @Bean
    OpenApiCustomizer problemBodies() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        if (operation.getResponses() == null) {
                            return;
                        }
                        operation.getResponses().forEach((code, response) -> {
                            if (code.startsWith("4") || code.startsWith("5")) {
                                response.setContent(new Content()
                                        .addMediaType(
                                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM))));
                            }
                        });
                    }));
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Empty message"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The message text is empty or only white space."))
                .addProperty("instance", new StringSchema().example("/messages"));
    }
}
