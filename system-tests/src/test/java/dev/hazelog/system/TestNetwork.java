package dev.hazelog.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A private network of hosts made of network namespaces that this test creates and deletes: veth links only, no
 * default route, no address outside {@value #PREFIX}.0.0/16. Each host has two links into a switch namespace: one
 * for cluster (member) traffic, one for HTTP. The test's own namespace joins the HTTP network at
 * {@value #PREFIX}.2.254, so it and the facade reach every host's services. Cutting a host's cluster link partitions
 * its member from the others while its HTTP stays reachable.
 */
final class TestNetwork implements AutoCloseable {

    static final String PREFIX = "10.213";
    private static final String IP = "ip";

    private final String id =
            HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    private final String switchNs = "hz" + id + "sw";
    private final String uplink = "hz" + id + "up";
    private final int hosts;
    private final List<String> namespaces = new ArrayList<>();

    TestNetwork(int hosts) {
        this.hosts = hosts;
        try {
            namespace(switchNs);
            for (String bridge : List.of("brc", "brs")) {
                ip("-n", switchNs, "link", "add", bridge, "type", "bridge");
                ip("-n", switchNs, "link", "set", bridge, "up");
            }
            for (int host = 1; host <= hosts; host++) {
                String ns = hostNamespace(host);
                namespace(ns);
                link(ns, "c0", "c" + host, "brc", clusterAddress(host));
                link(ns, "s0", "s" + host, "brs", serviceAddress(host));
            }
            ip("link", "add", uplink, "type", "veth", "peer", "name", "up0", "netns", switchNs);
            ip("-n", switchNs, "link", "set", "up0", "master", "brs", "up");
            ip("addr", "add", testAddress() + "/24", "dev", uplink);
            ip("link", "set", uplink, "up");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Why this machine cannot have such a network (no `ip`, no permission), or empty if it can. */
    static Optional<String> unavailableReason() {
        String probe = "hz"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()) + "probe";
        try {
            run(List.of(IP, "netns", "add", probe));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("cannot create network namespaces here: " + e.getMessage());
        } finally {
            runQuietly(List.of(IP, "netns", "del", probe));
        }
    }

    /** The test's own namespace on the HTTP network: every host reaches it here. */
    String testAddress() {
        return PREFIX + ".2.254";
    }

    String clusterAddress(int host) {
        return PREFIX + ".1." + host;
    }

    String serviceAddress(int host) {
        return PREFIX + ".2." + host;
    }

    /** The command, run inside the host's namespace. */
    List<String> inHost(int host, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(IP, "netns", "exec", hostNamespace(host)));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Cuts the host's member off from the other members; its HTTP stays reachable. */
    void cutClusterLink(int host) {
        ip("-n", switchNs, "link", "set", "c" + host, "down");
    }

    void healClusterLink(int host) {
        ip("-n", switchNs, "link", "set", "c" + host, "up");
    }

    /** Cuts the host off entirely, as if its cable were pulled. */
    void isolate(int host) {
        cutClusterLink(host);
        ip("-n", switchNs, "link", "set", "s" + host, "down");
    }

    @Override
    public void close() {
        runQuietly(List.of(IP, "link", "del", uplink));
        for (String ns : namespaces) {
            runQuietly(List.of(IP, "netns", "del", ns));
        }
    }

    int hosts() {
        return hosts;
    }

    private String hostNamespace(int host) {
        return "hz" + id + "h" + host;
    }

    private void namespace(String ns) {
        ip("netns", "add", ns);
        namespaces.add(ns);
        ip("-n", ns, "link", "set", "lo", "up");
    }

    /** A veth from the host namespace into the switch namespace, its far end on the bridge. */
    private void link(String ns, String name, String peer, String bridge, String address) {
        ip("-n", ns, "link", "add", name, "type", "veth", "peer", "name", peer, "netns", switchNs);
        ip("-n", switchNs, "link", "set", peer, "master", bridge, "up");
        ip("-n", ns, "addr", "add", address + "/24", "dev", name);
        ip("-n", ns, "link", "set", name, "up");
    }

    private static void ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of(IP));
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ": " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void runQuietly(List<String> command) {
        try {
            run(command);
        } catch (RuntimeException ignored) {
            // cleaning up what may not exist
        }
    }
}
