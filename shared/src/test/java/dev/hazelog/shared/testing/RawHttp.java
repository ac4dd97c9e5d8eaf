package dev.hazelog.shared.testing;

import dev.hazelog.shared.testing.HttpProbe.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for requests no client library would send: a malformed path, any method,
 * headers and URLs over the server's limits. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final String host;
    private final int port;

    public RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /**
     * Sends {@code METHOD TARGET HTTP/1.1} with the headers (name, value pairs), a {@code Content-Length} when there
     * is a body (null for none), and reads the answer.
     */
    public Answer send(String method, String target, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\nConnection: close\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(request.toByteArray(), "HEAD".equals(method));
    }

    private Answer exchange(byte[] request, boolean head) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                out.write(request);
                out.flush();
                readUntilClosed(socket.getInputStream(), received);
            } catch (SocketException e) {
                // A server that refuses a request early may reset the connection after its answer: keep what came.
                if (received.size() == 0) {
                    readUntilClosed(socket.getInputStream(), received);
                }
            }
            return parse(received.toByteArray(), head);
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to " + host + ":" + port + " failed", e);
        }
    }

    private static void readUntilClosed(InputStream in, ByteArrayOutputStream received) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            received.write(buffer, 0, n);
        }
    }

    private static Answer parse(byte[] raw, boolean head) {
        int end = indexOf(raw, HEADER_END, 0);
        if (end < 0) {
            throw new IllegalStateException("no complete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = head ? new byte[0] : Arrays.copyOfRange(raw, end + HEADER_END.length, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
