package dev.hazelog.shared.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports that were free a moment ago, never the defaults: tests must not meet a running Hazelog. They lie
 * below the range the kernel picks the local ends of outgoing connections from, so that the port of a service a test
 * kills is still free when the test starts it again there, not taken meanwhile by some connection's local end.
 */
public final class FreePorts {

    static final int LOWEST = 10_000;
    private static final int ABOVE_HIGHEST = firstEphemeralPort();
    // a random start, so that test JVMs running side by side seldom try the same ports
    private static int candidate = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE_HIGHEST);

    private FreePorts() {}

    public static synchronized int next() {
        for (int tried = 0; tried < ABOVE_HIGHEST - LOWEST; tried++) {
            int port = candidate;
            candidate = port + 1 < ABOVE_HIGHEST ? port + 1 : LOWEST;
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port from " + LOWEST + " to " + (ABOVE_HIGHEST - 1));
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int firstEphemeralPort() {
        int first = 32_768; // Linux's default
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                // line by line: Files.readString gets only the first byte of a file in /proc
                first = Integer.parseInt(Files.readAllLines(range).getFirst().split("\\s+")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + range, e);
        }
        if (first <= LOWEST + 1_000) {
            throw new IllegalStateException("the kernel picks local ports from " + first + " up (" + range
                    + "); the tests need ports below that range, from " + LOWEST);
        }
        return first;
    }
}
