package dev.hazelog.shared.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to a port on loopback that can hold every chunk of bytes for a while before passing it on, both ways: a
 * database that answers slowly, or not at all, without touching the database itself. It listens on loopback, or on
 * another address of the test's own, such as its end of a {@code TestNetwork}.
 */
public final class DelayingProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    public DelayingProxy(int targetPort) {
        this(InetAddress.getLoopbackAddress(), targetPort);
    }

    public DelayingProxy(InetAddress listenOn, int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, listenOn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                try {
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    sockets.add(target);
                    Thread.ofVirtual().start(() -> pump(client, target));
                    Thread.ofVirtual().start(() -> pump(target, client));
                } catch (IOException targetDown) {
                    client.close();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (from;
                to;
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                Thread.sleep(delay);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // One side has gone: closing both (above) tells the other.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
