package dev.hazelog.config.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

class InstancesFileTest {

    private static final ResourceLoader RESOURCES = new DefaultResourceLoader();

    @TempDir
    Path dir;

    @Test
    void readsTheShippedFileForTheLocalSetup() {
        Instances instances = InstancesFile.load(RESOURCES, "classpath:instances.yml");

        assertThat(instances.loggingServices())
                .containsExactly(
                        URI.create("http://127.0.0.1:5002"),
                        URI.create("http://127.0.0.1:5003"),
                        URI.create("http://127.0.0.1:5004"));
        assertThat(instances.messagesService()).isEqualTo(URI.create("http://127.0.0.1:5005"));
    }

    @Test
    void theDatabaseIsOptional() throws IOException {
        Instances with = InstancesFile.load(RESOURCES, file("""
                logging-services: ["http://127.0.0.1:5002"]
                messages-service: http://127.0.0.1:5005
                database: postgresql://127.0.0.1:5707
                """));
        Instances without = InstancesFile.load(RESOURCES, file("""
                logging-services: ["http://127.0.0.1:5002"]
                messages-service: http://127.0.0.1:5005
                """));

        assertThat(with.database()).isEqualTo(URI.create("postgresql://127.0.0.1:5707"));
        assertThat(without.database()).isNull();
    }

    @Test
    void dropsATrailingSlashSoEveryUrlIsABase() throws IOException {
        Instances instances = InstancesFile.load(RESOURCES, file("""
                logging-services: ["https://logging.example:8443/"]
                messages-service: " http://10.0.0.5:5005 "
                """));

        assertThat(instances.loggingServices()).containsExactly(URI.create("https://logging.example:8443"));
        assertThat(instances.messagesService()).isEqualTo(URI.create("http://10.0.0.5:5005"));
    }

    @Test
    void aMissingFileIsNamed() {
        String missing = "file:" + dir.resolve("nowhere.yml");

        assertThatThrownBy(() -> InstancesFile.load(RESOURCES, missing))
                .isInstanceOf(InvalidInstancesFileException.class)
                .hasMessageStartingWith(missing + ": ")
                .hasMessageContaining("does not exist");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "logging-services: [http://a:1|is not valid YAML",
                "just text|expected a mapping",
                "messages-service: http://m:1|'logging-services' must be a non-empty list",
                "{logging-services: [], messages-service: 'http://m:1'}|'logging-services' must be a non-empty list",
                "{logging-services: ['http://a:1'], messages-service: 5}|'messages-service' needs a URL",
                "{logging-services: ['http://a:1'], messages-service: 'http://m:1', database: 7}|'database' needs",
                "{logging-services: ['http://a:1'], messages-service: 'http://m:1', database: 'http://d:1'}|like postgresql:",
                "{logging-services: ['http://a:1']}|'messages-service' needs a URL",
                "{logging-services: ['ftp://a:1'], messages-service: 'http://m:1'}|needs a base URL",
                "{logging-services: ['http://a:1/api'], messages-service: 'http://m:1'}|needs a base URL",
                "{logging-services: ['a:1'], messages-service: 'http://m:1'}|needs a base URL",
                "{logging-services: ['http://a b'], messages-service: 'http://m:1'}|needs a base URL",
                "{logging-services: ['http://a:1', 'http://a:1/'], messages-service: 'http://m:1'}|lists http://a:1 twice",
            })
    void anInvalidFileIsNamedWithItsProblem(String content, String problem) throws IOException {
        String file = file(content);

        assertThatThrownBy(() -> InstancesFile.load(RESOURCES, file))
                .isInstanceOf(InvalidInstancesFileException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(problem);
    }

    private String file(String content) throws IOException {
        return "file:" + Files.writeString(dir.resolve("instances.yml"), content);
    }
}
