package dev.hazelog.config.domain;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the instances file:
 *
 * <pre>
 * logging-services:
 *   - http://127.0.0.1:5002
 *   - http://127.0.0.1:5003
 * messages-service: http://127.0.0.1:5005
 * database: postgresql://127.0.0.1:5707      # optional: shown with its state, never written to
 * </pre>
 *
 * Every problem is reported with the file's location, so a bad file stops start-up with a message that says what to
 * fix.
 */
public final class InstancesFile {

    static final String LOGGING_KEY = "logging-services";
    static final String MESSAGES_KEY = "messages-service";
    static final String DATABASE_KEY = "database";

    private InstancesFile() {}

    /** @param location a Spring resource location such as {@code file:/etc/hazelog/instances.yml} */
    public static Instances load(ResourceLoader resources, String location) {
        Resource file = resources.getResource(location);
        if (!file.exists()) {
            throw new InvalidInstancesFileException(location, "the file does not exist");
        }
        try (InputStream in = file.getInputStream()) {
            return parse(location, new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new InvalidInstancesFileException(location, "cannot be read: " + e.getMessage());
        } catch (YAMLException e) {
            throw new InvalidInstancesFileException(location, "is not valid YAML: " + e.getMessage());
        }
    }

    private static Instances parse(String location, Object document) {
        if (!(document instanceof Map<?, ?> root)) {
            throw new InvalidInstancesFileException(
                    location, "expected a mapping with '%s' and '%s'".formatted(LOGGING_KEY, MESSAGES_KEY));
        }
        if (!(root.get(LOGGING_KEY) instanceof List<?> logging) || logging.isEmpty()) {
            throw new InvalidInstancesFileException(
                    location, "'%s' must be a non-empty list of URLs".formatted(LOGGING_KEY));
        }
        List<URI> loggingServices = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        for (Object entry : logging) {
            URI url = url(location, LOGGING_KEY, entry);
            if (!seen.add(url)) {
                throw new InvalidInstancesFileException(location, "'%s' lists %s twice".formatted(LOGGING_KEY, url));
            }
            loggingServices.add(url);
        }
        URI database = root.containsKey(DATABASE_KEY)
                ? url(location, DATABASE_KEY, root.get(DATABASE_KEY), "postgresql://127.0.0.1:5707", "postgresql")
                : null;
        return new Instances(loggingServices, url(location, MESSAGES_KEY, root.get(MESSAGES_KEY)), database);
    }

    private static URI url(String location, String key, Object value) {
        return url(location, key, value, "http://127.0.0.1:5002", "http", "https");
    }

    /** A base URL (scheme, host and port, nothing after them) in one of the schemes, or a problem like the example. */
    private static URI url(String location, String key, Object value, String example, String... schemes) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidInstancesFileException(
                    location, "'%s' needs a URL like %s, found: %s".formatted(key, example, value));
        }
        try {
            URI url = new URI(text.strip());
            boolean known = List.of(schemes).contains(url.getScheme());
            boolean bare = url.getPath() == null
                    || url.getPath().isEmpty()
                    || url.getPath().equals("/");
            if (known && url.getHost() != null && bare && url.getQuery() == null && url.getFragment() == null) {
                return URI.create(url.getScheme() + "://" + url.getRawAuthority());
            }
        } catch (URISyntaxException e) {
            // reported below, with the value that failed
        }
        throw new InvalidInstancesFileException(
                location, "'%s' needs a base URL like %s, found: %s".formatted(key, example, text));
    }
}
