package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container files checked against the code, without running them ({@link ContainersIT} runs the compose file):
 * every service is there, on the port the code and {@code ./hazelog} give it, every variable is a property the service
 * has, and every address in them points at a service that is there.
 */
class DeploymentFilesTest {

    private static final Path ROOT = ServiceTable.ROOT;
    private static final ServiceTable TABLE = ServiceTable.read();
    /** The services that answer HTTP; the containers' PostgreSQL (the database) is not one of Hazelog's images. */
    private static final List<String> SERVICES =
            TABLE.withHttp().stream().map(ServiceTable.Service::name).toList();

    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";
    /** Variables of Boot itself (server.*) and of the image; everything else must be a Hazelog property. */
    private static final Set<String> GENERAL_VARIABLES =
            Set.of("SERVER_PORT", "SERVER_ADDRESS", "JAVA_OPTS", "HAZELOG_JAVA_OPTS");

    private final Map<String, Object> compose = withDefaults(yaml(ROOT.resolve("deploy/compose/docker-compose.yml")));
    private final List<Map<String, Object>> kubernetes = yamlDocuments(ROOT.resolve("deploy/kubernetes/hazelog.yaml"));

    @Test
    void composeRunsEveryServiceOnItsDefaultPortsWithHealthChecksAndRestarts() {
        Map<String, Object> services = map(compose, "services");

        assertThat(services).containsKeys(SERVICES.toArray(String[]::new));
        assertThat(list(map(services, "management-center"), "profiles")).containsExactly("management-center");
        for (String name : SERVICES) {
            Map<String, Object> service = map(services, name);
            int port = launcherPort(name);
            assertThat(environment(service)).as(name).containsEntry("SERVER_PORT", String.valueOf(port));
            assertThat(list(service, "ports")).as(name).containsExactly("127.0.0.1:%d:%d".formatted(port, port));
            assertThat(list(map(service, "healthcheck"), "test"))
                    .as(name)
                    .contains("http://localhost:%d%s".formatted(port, READINESS));
            assertThat(service).as(name).containsEntry("restart", "unless-stopped");
            assertThat(service.get("image")).as(name).isEqualTo("hazelog/%s:0.1.0".formatted(module(name)));
        }
    }

    @Test
    void composeMembersListEachOtherAtTheirOwnAddressesAndDefaultPorts() {
        Map<String, Object> services = map(compose, "services");
        List<String> members = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Map<String, Object> logging = map(services, "logging-" + n);
            Map<String, String> environment = environment(logging);
            String address =
                    String.valueOf(map(map(logging, "networks"), "hazelog").get("ipv4_address"));
            assertThat(environment).containsEntry("HAZELOG_CLUSTER_BIND_ADDRESS", address);
            int memberPort = TABLE.get("logging-" + n).secondPort().orElseThrow();
            assertThat(environment).containsEntry("HAZELOG_CLUSTER_PORT", String.valueOf(memberPort));
            assertThat(environment).containsEntry("HAZELOG_CLUSTER_NAME", defaultOf("logging-service", "name"));
            members.add(address + ":" + memberPort);
        }
        for (int n = 1; n <= 3; n++) {
            assertThat(environment(map(services, "logging-" + n)).get("HAZELOG_CLUSTER_MEMBERS"))
                    .isEqualTo(String.join(",", members));
        }
        assertThat(environment(map(services, "management-center")).get("MC_DEFAULT_CLUSTER_MEMBERS"))
                .isEqualTo(String.join(",", members));
        assertThat(defaultMemberPorts())
                .containsExactlyElementsOf(TABLE.members().stream()
                        .map(member -> member.secondPort().orElseThrow())
                        .toList());
    }

    @Test
    void theServiceTableGivesTheFirstServiceOfEachModuleItsDefaultPort() {
        for (String module : TABLE.withHttp().stream()
                .map(ServiceTable.Service::module)
                .distinct()
                .toList()) {
            ServiceTable.Service first = TABLE.withHttp().stream()
                    .filter(service -> service.module().equals(module))
                    .findFirst()
                    .orElseThrow();
            assertThat(first.port()).as(first.name()).hasValue(applicationPort(module));
        }
    }

    @Test
    void composeAddressesPointAtItsOwnServices() {
        Map<String, Object> services = map(compose, "services");
        Map<String, Object> instances = yaml(ROOT.resolve("deploy/compose/instances.yml"));
        List<String> logging = list(instances, "logging-services");

        assertThat(logging)
                .containsExactly(IntStream.rangeClosed(1, 3)
                        .mapToObj(n -> "http://logging-%d:%d".formatted(n, launcherPort("logging-" + n)))
                        .toArray(String[]::new));
        assertThat(instances.get("messages-service")).isEqualTo("http://messages:" + launcherPort("messages"));
        assertThat(environment(map(services, "facade")))
                .containsEntry("HAZELOG_FACADE_CONFIG_SERVICE_URL", "http://config:" + launcherPort("config"));
        assertThat(environment(map(services, "config")))
                .containsEntry("HAZELOG_CONFIG_INSTANCES_FILE", "file:/etc/hazelog/instances.yml");
        assertThat(list(map(services, "config"), "volumes"))
                .containsExactly("./instances.yml:/etc/hazelog/instances.yml:ro");
        assertThat(services).containsKey("postgres");
        assertThat(instances.get("database")).isEqualTo("postgresql://postgres:5432");
        assertThat(environment(map(services, "logging-1")))
                .containsEntry("HAZELOG_STORE_URL", "jdbc:postgresql://postgres:5432/hazelog");
    }

    @Test
    void kubernetesRunsTheLoggingServicesAsAStatefulSetFoundThroughAHeadlessService() {
        Map<String, Object> statefulSet = resource("StatefulSet", "logging");
        Map<String, Object> headless = resource("Service", "hazelog-logging");
        Map<String, Object> container = container(statefulSet);
        Map<String, String> environment = kubernetesEnvironment(container);

        assertThat(map(statefulSet, "spec"))
                .containsEntry("replicas", 3)
                .containsEntry("serviceName", "hazelog-logging");
        assertThat(map(headless, "spec"))
                .containsEntry("clusterIP", "None")
                .containsEntry("publishNotReadyAddresses", true);
        assertThat(environment)
                .containsEntry("HAZELOG_CLUSTER_KUBERNETES_SERVICE_DNS", "hazelog-logging.hazelog.svc.cluster.local")
                .containsEntry(
                        "HAZELOG_CLUSTER_PORT",
                        String.valueOf(defaultMemberPorts().getFirst()))
                .containsEntry("SERVER_PORT", String.valueOf(applicationPort("logging-service")))
                .containsKey("HAZELOG_CLUSTER_BIND_ADDRESS");
        assertThat(containerPorts(container))
                .containsExactlyInAnyOrder(
                        applicationPort("logging-service"), defaultMemberPorts().getFirst());
        assertThat(servicePorts(headless))
                .containsExactlyInAnyOrder(
                        applicationPort("logging-service"), defaultMemberPorts().getFirst());
    }

    @Test
    void kubernetesRunsEveryOtherServiceOnItsDefaultPortWithProbes() {
        for (String name : List.of("config", "messages", "facade")) {
            Map<String, Object> container = container(resource("Deployment", name));
            int port = applicationPort(module(name));
            assertThat(kubernetesEnvironment(container)).as(name).containsEntry("SERVER_PORT", String.valueOf(port));
            assertThat(containerPorts(container)).as(name).containsExactly(port);
            assertThat(servicePorts(resource("Service", "hazelog-" + name)))
                    .as(name)
                    .containsExactly(port);
        }
        for (Map<String, Object> resource : hazelogWorkloads()) {
            Map<String, Object> container = container(resource);
            assertThat(map(map(container, "livenessProbe"), "httpGet")).containsEntry("path", LIVENESS);
            assertThat(map(map(container, "readinessProbe"), "httpGet")).containsEntry("path", READINESS);
            assertThat(container.get("image"))
                    .isEqualTo("hazelog/%s:0.1.0".formatted(module(String.valueOf(container.get("name")))));
        }
    }

    @Test
    void kubernetesAddressesPointAtItsOwnServices() {
        Map<String, Object> instances = new Yaml()
                .load(String.valueOf(
                        map(resource("ConfigMap", "hazelog-instances"), "data").get("instances.yml")));
        int loggingPort = applicationPort("logging-service");

        assertThat(list(instances, "logging-services"))
                .containsExactly(IntStream.range(0, 3)
                        .mapToObj(n -> "http://logging-%d.hazelog-logging.hazelog.svc.cluster.local:%d"
                                .formatted(n, loggingPort))
                        .toArray(String[]::new));
        assertThat(instances.get("messages-service"))
                .isEqualTo("http://hazelog-messages.hazelog.svc.cluster.local:" + applicationPort("messages-service"));
        assertThat(kubernetesEnvironment(container(resource("Deployment", "facade"))))
                .containsEntry(
                        "HAZELOG_FACADE_CONFIG_SERVICE_URL",
                        "http://hazelog-config.hazelog.svc.cluster.local:" + applicationPort("config-service"));
        // The logging services keep every message in the PostgreSQL beside them, as in compose.
        assertThat(servicePorts(resource("Service", "hazelog-postgres"))).containsExactly(5432);
        assertThat(containerPorts(container(resource("StatefulSet", "postgres"))))
                .containsExactly(5432);
        assertThat(instances.get("database")).isEqualTo("postgresql://hazelog-postgres.hazelog.svc.cluster.local:5432");
        assertThat(kubernetesEnvironment(container(resource("StatefulSet", "logging"))))
                .containsEntry(
                        "HAZELOG_STORE_URL",
                        "jdbc:postgresql://hazelog-postgres.hazelog.svc.cluster.local:5432/hazelog")
                .containsKey("HAZELOG_STORE_PASSWORD");
    }

    @Test
    void everyVariableIsAPropertyOfTheServiceItIsGivenTo() {
        Map<String, Object> services = map(compose, "services");
        for (String name : SERVICES) {
            assertThat(environment(map(services, name)).keySet())
                    .as(name)
                    .allSatisfy(variable -> assertKnown(module(name), variable));
        }
        for (Map<String, Object> resource : hazelogWorkloads()) {
            Map<String, Object> container = container(resource);
            String module = module(String.valueOf(container.get("name")));
            assertThat(kubernetesEnvironment(container).keySet())
                    .as(module)
                    .allSatisfy(variable -> assertKnown(module, variable));
        }
    }

    @Test
    void theImageBuildsEveryServiceFromItsModule() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Set<String> built = new HashSet<>();
        map(compose, "services").values().forEach(service -> {
            Object build = ((Map<?, ?>) service).get("build");
            if (build instanceof Map<?, ?> spec) {
                built.add(String.valueOf(((Map<?, ?>) spec.get("args")).get("SERVICE")));
            }
        });

        assertThat(built)
                .containsExactlyInAnyOrder("config-service", "messages-service", "logging-service", "facade-service");
        built.forEach(module -> assertThat(ROOT.resolve(module + "/pom.xml")).exists());
        assertThat(dockerfile).contains("COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar app.jar");
        assertThat(ROOT.resolve("logging-service/hazelcast-jvm.args")).exists();
    }

    /** The Deployments and StatefulSets that run Hazelog's images: all but PostgreSQL's. */
    private List<Map<String, Object>> hazelogWorkloads() {
        return kubernetes.stream()
                .filter(resource -> Set.of("Deployment", "StatefulSet").contains(String.valueOf(resource.get("kind"))))
                .filter(resource -> !"postgres".equals(map(resource, "metadata").get("name")))
                .toList();
    }

    // --- What the code says -----------------------------------------------------------------------------------

    /** Ports as {@code ./hazelog up} gives them: deploy/services.conf. */
    private static int launcherPort(String name) {
        return TABLE.get(name).port().orElseThrow();
    }

    /** server.port in the module's application.yml. */
    private static int applicationPort(String module) {
        Map<String, Object> application = yaml(ROOT.resolve(module + "/src/main/resources/application.yml"));
        return (Integer) map(application, "server").get("port");
    }

    private static List<Integer> defaultMemberPorts() {
        return List.of(defaultOf("logging-service", "members").split(",")).stream()
                .map(member -> Integer.parseInt(member.substring(member.lastIndexOf(':') + 1)))
                .toList();
    }

    private static String defaultOf(String module, String clusterProperty) {
        JsonNode property = properties(module).stream()
                .filter(node -> node.path("name").asString().equals("hazelog.cluster." + clusterProperty))
                .findFirst()
                .orElseThrow();
        // A list default is written as "[a, b]".
        return property.path("defaultValue")
                .asString()
                .replaceAll("^\\[|]$", "")
                .replace(", ", ",");
    }

    /** A variable binds (relaxed) to a property the module or the shared library declares. */
    private static void assertKnown(String module, String variable) {
        if (GENERAL_VARIABLES.contains(variable)) {
            return;
        }
        // Boot binds HAZELOG_CLUSTER_BIND_ADDRESS to hazelog.cluster.bind-address: separators do not count.
        List<String> known = new ArrayList<>();
        for (String source : List.of(module, "shared")) {
            properties(source)
                    .forEach(node ->
                            known.add(withoutSeparators(node.path("name").asString())));
        }
        assertThat(known).as("%s is a property of %s", variable, module).contains(withoutSeparators(variable));
    }

    private static String withoutSeparators(String name) {
        return name.replaceAll("[._-]", "").toUpperCase(Locale.ROOT);
    }

    /** What Spring Boot's configuration processor wrote for the module's {@code @ConfigurationProperties}. */
    private static List<JsonNode> properties(String module) {
        Path metadata = ROOT.resolve(module + "/target/classes/META-INF/spring-configuration-metadata.json");
        if (!Files.exists(metadata)) {
            return List.of(); // a module without properties of its own
        }
        JsonNode root = JsonMapper.builder().build().readTree(read(metadata));
        return StreamSupport.stream(root.path("properties").spliterator(), false)
                .toList();
    }

    private static String module(String name) {
        return name.replaceFirst("-\\d$", "") + "-service";
    }

    // --- Reading the files ---------------------------------------------------------------------------------------

    private Map<String, Object> resource(String kind, String name) {
        return kubernetes.stream()
                .filter(resource -> kind.equals(resource.get("kind"))
                        && name.equals(map(resource, "metadata").get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the manifests"));
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = list(map(map(map(workload, "spec"), "template"), "spec"), "containers");
        assertThat(containers).hasSize(1);
        return containers.getFirst();
    }

    private static Map<String, String> kubernetesEnvironment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        List<Map<String, Object>> variables = list(container, "env");
        variables.forEach(variable -> environment.put(
                String.valueOf(variable.get("name")), String.valueOf(variable.getOrDefault("value", "<from field>"))));
        return environment;
    }

    private static List<Integer> containerPorts(Map<String, Object> container) {
        List<Map<String, Object>> ports = list(container, "ports");
        return ports.stream().map(port -> (Integer) port.get("containerPort")).toList();
    }

    private static List<Integer> servicePorts(Map<String, Object> service) {
        List<Map<String, Object>> ports = list(map(service, "spec"), "ports");
        return ports.stream().map(port -> (Integer) port.get("port")).toList();
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(service, "environment").forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("has " + key).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> parent, String key) {
        assertThat(parent).as("has " + key).containsKey(key);
        return (List<T>) parent.get(key);
    }

    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    /** The compose file as Compose reads it with no variable set: each {@code ${NAME:-default}} its default. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withDefaults(Map<String, Object> compose) {
        return (Map<String, Object>) withDefaults((Object) compose);
    }

    private static Object withDefaults(Object node) {
        return switch (node) {
            case String text -> text.replaceAll("\\$\\{[A-Z0-9_]+(?::-([^}]*))?}", "$1");
            case Map<?, ?> map -> {
                Map<Object, Object> resolved = new LinkedHashMap<>();
                map.forEach((key, value) -> resolved.put(key, withDefaults(value)));
                yield resolved;
            }
            case List<?> list ->
                list.stream().map(DeploymentFilesTest::withDefaults).toList();
            case null, default -> node;
        };
    }

    private static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(read(file)).forEach(document -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) document;
            documents.add(resource);
        });
        return documents;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
