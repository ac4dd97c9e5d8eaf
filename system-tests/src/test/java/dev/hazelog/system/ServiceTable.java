package dev.hazelog.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** {@code deploy/services.conf}: every service with its default ports and module, as {@code ./hazelog} reads it. */
record ServiceTable(List<Service> services) {

    static final Path ROOT =
            Path.of(System.getProperty("hazelog.root", "..")).toAbsolutePath().normalize();

    /**
     * @param port its HTTP port; empty for the database, which answers no HTTP
     * @param secondPort a logging service's Hazelcast member, the database's own port; empty for the others
     */
    record Service(String name, OptionalInt port, OptionalInt secondPort, String module) {

        /** The variable that overrides its HTTP port, e.g. {@code HAZELOG_LOGGING_2_PORT}. */
        String portVariable() {
            return "HAZELOG_" + name.toUpperCase().replace('-', '_') + "_PORT";
        }

        /** The variable that overrides its second port: {@code HAZELOG_MEMBER_2_PORT}, {@code HAZELOG_DATABASE_PORT}. */
        String secondPortVariable() {
            return name.startsWith("logging-")
                    ? "HAZELOG_MEMBER_" + name.substring(name.lastIndexOf('-') + 1) + "_PORT"
                    : "HAZELOG_DATABASE_PORT";
        }
    }

    static ServiceTable read() {
        try {
            return new ServiceTable(Files.readAllLines(ROOT.resolve("deploy/services.conf")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().split("\\s+"))
                    .map(fields -> new Service(fields[0], port(fields[1]), port(fields[2]), fields[3]))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionalInt port(String field) {
        return field.equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(field));
    }

    List<String> names() {
        return services.stream().map(Service::name).toList();
    }

    Service get(String name) {
        return services.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in deploy/services.conf"));
    }

    /** The services that answer HTTP: every one but the database. */
    List<Service> withHttp() {
        return services.stream().filter(service -> service.port().isPresent()).toList();
    }

    /** The services with a second port: the logging services' members, the database. */
    List<Service> withSecondPorts() {
        return services.stream()
                .filter(service -> service.secondPort().isPresent())
                .toList();
    }

    /** The logging services, whose second port is their member's. */
    List<Service> members() {
        return services.stream()
                .filter(service -> service.name().startsWith("logging-"))
                .toList();
    }
}
