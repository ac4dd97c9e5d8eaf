package dev.hazelog.config.http;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Whether a PostgreSQL server takes connections, asked as {@code pg_isready} asks: a startup message, to which a
 * server that is ready answers with a request to authenticate ({@code R}), and one that is starting, stopping or
 * full with an error ({@code E}). No password is sent, and the connection closes before any login.
 */
final class PostgresProbe {

    private static final int PROTOCOL_3_0 = 196_608;
    private static final byte AUTHENTICATION_REQUEST = 'R';
    private static final int DEFAULT_PORT = 5432;

    private final Duration timeout;

    PostgresProbe(Duration timeout) {
        this.timeout = timeout;
    }

    boolean ready(URI database) {
        int port = database.getPort() < 0 ? DEFAULT_PORT : database.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(database.getHost(), port), Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(startupMessage());
            out.flush();
            return new DataInputStream(socket.getInputStream()).readByte() == AUTHENTICATION_REQUEST;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] startupMessage() {
        byte[] parameters = "user\0hazelog\0database\0hazelog\0\0".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(8 + parameters.length)
                .putInt(8 + parameters.length)
                .putInt(PROTOCOL_3_0)
                .put(parameters)
                .array();
    }
}
