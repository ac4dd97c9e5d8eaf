package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Kubernetes manifests against the Kubernetes OpenAPI schemas, offline ({@code deploy/kubernetes/schema-check}:
 * kubernetes-models from the npm registry, installed once into target/). Without Node.js the test is skipped, and
 * says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesSchemaIT {

    private static final Path ROOT = ServiceTable.ROOT;
    private static final Path MANIFESTS = ROOT.resolve("deploy/kubernetes/hazelog.yaml");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path checker = ROOT.resolve("system-tests/target/kubernetes-schema-check");

    @BeforeAll
    void install() throws IOException {
        Assumptions.assumeTrue(
                Command.run(ROOT, Map.of(), List.of("sh", "-c", "command -v node && command -v npm"), TIMEOUT)
                                .exitCode()
                        == 0,
                "no Node.js (node and npm) to run the schema check");
        Files.createDirectories(checker);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(
                    ROOT.resolve("deploy/kubernetes/schema-check").resolve(file),
                    checker.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Command.run(checker, Map.of(), List.of("npm", "ci", "--no-audit", "--no-fund"), TIMEOUT)
                .orThrow();
    }

    @Test
    void everyManifestMatchesTheSchemaOfItsKind() {
        Command check = validate(MANIFESTS);

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output().lines())
                .hasSize(documents(read(MANIFESTS)))
                .allSatisfy(line -> assertThat(line).startsWith("valid "));
    }

    @Test
    void aManifestThatBreaksItsSchemaIsCaught() throws IOException {
        Path broken = checker.resolve("broken.yaml");
        Files.writeString(broken, read(MANIFESTS).replaceFirst("replicas: 3", "replicas: three"));

        Command check = validate(broken);

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.output()).contains("INVALID StatefulSet logging: data/spec/replicas must be integer");
    }

    private Command validate(Path manifests) {
        return Command.run(checker, Map.of(), List.of("node", "validate.mjs", manifests.toString()), TIMEOUT);
    }

    private static int documents(String yaml) {
        return (int) yaml.lines().filter(line -> line.startsWith("kind:")).count();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
