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
 * store-service: http://127.0.0.1:5007      # optional
 * </pre>
 *
 * Every problem is reported with the file's location, so a bad file stops start-up with a message that says what to
 * fix.
 */
public final class InstancesFile {

    static final String LOGGING_KEY = "logging-services";
    static final String MESSAGES_KEY = "messages-service";
    static final String STORE_KEY = "store-service";

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
        URI store = root.containsKey(STORE_KEY) ? url(location, STORE_KEY, root.get(STORE_KEY)) : null;
        return new Instances(loggingServices, url(location, MESSAGES_KEY, root.get(MESSAGES_KEY)), store);
    }

    private static URI url(String location, String key, Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidInstancesFileException(
                    location, "'%s' needs an http(s) URL, found: %s".formatted(key, value));
        }
        try {
            URI url = new URI(text.strip());
            boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            boolean bare = url.getPath() == null
                    || url.getPath().isEmpty()
                    || url.getPath().equals("/");
            if (http && url.getHost() != null && bare && url.getQuery() == null && url.getFragment() == null) {
                return URI.create(url.getScheme() + "://" + url.getRawAuthority());
            }
        } catch (URISyntaxException e) {
            // reported below, with the value that failed
        }
        throw new InvalidInstancesFileException(
                location, "'%s' needs a base URL like http://127.0.0.1:5002, found: %s".formatted(key, text));
    }
}
