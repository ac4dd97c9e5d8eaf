package dev.hazelog.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsThatNoOutgoingConnectionIsGiven() throws IOException {
        int firstEphemeral = FreePorts.firstEphemeralPort();

        List<Integer> ports =
                IntStream.range(0, 50).map(i -> FreePorts.next()).boxed().toList();

        assertThat(ports).doesNotHaveDuplicates().allMatch(port -> port >= FreePorts.LOWEST && port < firstEphemeral);
        for (int port : ports) {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
        }
    }
}
