package dev.hazelog.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Random requests as a hostile client sends them, from a seed: any service, route (known, another service's, unknown
 * or malformed), method, query, content type, body and headers, including sizes over the servers' limits. Case
 * {@code i} of seed {@code s} is always the same request, so one failing case replays alone.
 */
final class HostileRequests {

    /** The kinds of request that once got a 500 or an HTML page; a run must meet each of them many times. */
    enum Hole {
        MULTIPART_WITHOUT_BOUNDARY,
        MALFORMED_FORM_ON_PUT_PATCH_DELETE,
        MALFORMED_PATH,
        HEADERS_OVER_LIMIT,
        URL_OVER_LIMIT
    }

    record Request(
            int index,
            String service,
            String method,
            String target,
            byte[] body,
            List<String> headers,
            Set<Hole> holes) {

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return "#%d %s %s %s %s %s"
                    .formatted(
                            index,
                            service,
                            method,
                            shorten(target),
                            headers.stream().map(HostileRequests::shorten).toList(),
                            shorten(text));
        }
    }

    static final List<String> SERVICES = List.of("facade", "logging-1", "messages", "config");

    private static final List<String> ROUTES = List.of(
            "/send_to_logging_service",
            "/get_resulted_messages",
            "/messages",
            "/messages/latest",
            "/status",
            "/",
            "/index.html",
            "/dashboard.js",
            "/v3/api-docs",
            "/swagger-ui.html",
            "/fetching_message",
            "/get_fetched_messages",
            "/cluster",
            "/message_handler",
            "/all_ports",
            "/instances",
            "/error",
            "/actuator",
            "/actuator/health",
            "/actuator/health/readiness",
            "/actuator/prometheus",
            "/actuator/metrics/jvm.memory.used",
            "/actuator/info");
    private static final List<String> MALFORMED_PATHS = List.of(
            "/%ff%fe",
            "/%zz",
            "/messages/%",
            "/messages%2",
            "/%c0%ae%c0%ae/x",
            "/messages/%00",
            "/a%zzb/messages",
            "/messages/%e2%28%a1");
    private static final List<String> ODD_PATHS = List.of(
            "//messages", "/messages;a=b", "/messages/../messages", "/..;/messages", "/messages/", "/MESSAGES", "/*");
    private static final List<String> METHODS = List.of(
            "GET", "GET", "GET", "POST", "POST", "POST", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
            "CONNECT", "FOO", "GE(T");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=UTF-8",
            "application/json; charset=bogus",
            "text/plain",
            "text/plain; charset=ISO-8859-1",
            "text/plain; charset=",
            "application/xml",
            "text/xml; charset=UTF-8",
            FORM,
            "multipart/form-data",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            "multipart/mixed",
            ";;;",
            "\"/!",
            "*/*",
            "no/such");
    private static final List<String> ACCEPTS = List.of(
            "application/json",
            "application/problem+json",
            "application/xml",
            "text/html",
            "text/plain",
            "*/*",
            ";;;",
            "application/json;q=x");
    private static final List<String> MALFORMED_FORMS = List.of("a=%zz", "%", "a=%2", "%zz=b&c=d", "a=%e2%28");

    private final long seed;
    private final String writeToken;

    HostileRequests(long seed, String writeToken) {
        this.seed = seed;
        this.writeToken = writeToken;
    }

    List<Request> first(int count) {
        return IntStream.range(0, count).mapToObj(this::request).toList();
    }

    Request request(int index) {
        SplittableRandom random = new SplittableRandom(seed + index);
        Set<Hole> holes = EnumSet.noneOf(Hole.class);
        String service = pick(random, SERVICES);
        String method = pick(random, METHODS);
        String target = target(random, holes);
        List<String> headers = new ArrayList<>();

        boolean putPatchDelete = List.of("PUT", "PATCH", "DELETE").contains(method);
        String contentType = random.nextInt(7) == 0
                ? null
                : putPatchDelete && random.nextInt(3) == 0 ? FORM : pick(random, CONTENT_TYPES);
        byte[] body = body(random, method, contentType);
        if (contentType != null) {
            headers.addAll(List.of("Content-Type", contentType));
            if (contentType.equals("multipart/form-data")) {
                holes.add(Hole.MULTIPART_WITHOUT_BOUNDARY);
            }
            if (contentType.equals(FORM) && putPatchDelete && MALFORMED_FORMS.contains(text(body))) {
                holes.add(Hole.MALFORMED_FORM_ON_PUT_PATCH_DELETE);
            }
        }
        if (service.startsWith("logging") && random.nextInt(8) > 0) {
            headers.addAll(List.of("X-Hazelog-Token", writeToken));
        }
        if (random.nextInt(3) == 0) {
            headers.addAll(List.of("Idempotency-Key", headerText(random, random.nextInt(300))));
        }
        if (random.nextInt(5) == 0) {
            headers.addAll(List.of("Accept", pick(random, ACCEPTS)));
        }
        if (random.nextInt(10) == 0) {
            headers.addAll(List.of("X-Random", headerText(random, random.nextInt(50))));
        }
        if (random.nextInt(20) == 0) {
            headers.addAll(List.of("X-Padding", "x".repeat(10_000 + random.nextInt(20_000))));
            holes.add(Hole.HEADERS_OVER_LIMIT);
        }
        return new Request(index, service, method, target, body, headers, holes);
    }

    private static String target(SplittableRandom random, Set<Hole> holes) {
        int kind = random.nextInt(100);
        if (kind < 5) {
            holes.add(Hole.URL_OVER_LIMIT);
            return "/messages?pad=" + "x".repeat(10_000 + random.nextInt(20_000));
        }
        String path;
        if (kind < 20) {
            holes.add(Hole.MALFORMED_PATH);
            path = pick(random, MALFORMED_PATHS);
        } else if (kind < 27) {
            path = pick(random, ODD_PATHS);
        } else if (kind < 37) {
            path = "/messages/" + (random.nextBoolean() ? UUID.randomUUID().toString() : token(random));
        } else if (kind < 45) {
            path = "/" + token(random);
        } else {
            path = pick(random, ROUTES);
        }
        return random.nextBoolean() ? path : path + "?" + query(random);
    }

    private static String query(SplittableRandom random) {
        List<String> parameters = new ArrayList<>();
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            parameters.add(
                    switch (random.nextInt(8)) {
                        case 0 -> "limit=" + random.nextInt(-5, 2000);
                        case 1 -> "limit=" + token(random);
                        case 2 -> "after=" + UUID.randomUUID();
                        case 3 -> "after=" + token(random);
                        case 4 -> pick(random, MALFORMED_FORMS);
                        case 5 -> "limit=%zz";
                        case 6 -> "=&&=";
                        default -> token(random) + "=" + token(random);
                    });
        }
        return String.join("&", parameters);
    }

    private static byte[] body(SplittableRandom random, String method, String contentType) {
        boolean readsNoBody = method.equals("GET") || method.equals("HEAD");
        if (readsNoBody && random.nextInt(4) > 0) {
            return null;
        }
        if (FORM.equals(contentType)) {
            String form = random.nextInt(5) < 3 ? pick(random, MALFORMED_FORMS) : "msg=" + token(random) + "&b=c";
            return form.getBytes(StandardCharsets.US_ASCII);
        }
        String message = text(random, random.nextInt(120));
        String json = switch (random.nextInt(6)) {
            case 0 -> "{\"msg\": " + quoted(message) + "}";
            case 1 ->
                "{\"UUID\": " + quoted(random.nextBoolean() ? UUID.randomUUID().toString() : message) + ", \"msg\": "
                        + quoted(message) + "}";
            case 2 -> "[{\"msg\": " + quoted(message) + "}, {\"msg\": " + quoted(text(random, 10)) + "}]";
            case 3 -> pick(random, List.of("42", "true", "null", "[]", "{}", "{\"msg\": 42}", "{\"msg\": \"\"}"));
            case 4 -> "{\"msg\": " + quoted(message);
            default -> message;
        };
        return switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> randomBytes(random, random.nextInt(300));
            default -> json.getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Any text: ASCII, white space, Latin-1, CJK, emoji and lone surrogates (sent as '?' in UTF-8). */
    private static String text(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(10)) {
                case 0 -> text.append(pick(random, List.of(" ", "\n", "\t", "\r", "\u00a0")));
                case 1 -> text.append((char) random.nextInt(0xa0, 0x100));
                case 2 -> text.append((char) random.nextInt(0x4e00, 0x9fff));
                case 3 -> text.appendCodePoint(random.nextInt(0x1f600, 0x1f650));
                case 4 -> text.append((char) random.nextInt(0xd800, 0xe000));
                case 5 -> text.append((char) random.nextInt(0, 0x20));
                default -> text.append((char) random.nextInt(0x20, 0x7f));
            }
        }
        return text.toString();
    }

    /** What may stand in a header value: printable ASCII, tabs, Latin-1, and now and then a control character. */
    private static String headerText(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(40);
            text.append(
                    kind == 0 ? (char) random.nextInt(1, 0x20) : kind < 3 ? 'é' : (char) random.nextInt(0x20, 0x7f));
        }
        return text.toString();
    }

    private static String token(SplittableRandom random) {
        StringBuilder token = new StringBuilder();
        for (int i = random.nextInt(1, 12); i > 0; i--) {
            token.append("abcdefghijklmnopqrstuvwxyz0123456789-_.~".charAt(random.nextInt(40)));
        }
        return token.toString();
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').append((char) c);
            } else if (c < 0x20) {
                json.append("\\u%04x".formatted(c));
            } else {
                json.append((char) c);
            }
        });
        return json.append('"').toString();
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        random.ints(length, 0, 256).forEach(bytes::write);
        return bytes.toByteArray();
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String shorten(String text) {
        String escaped = text.replace("\r", "\\r").replace("\n", "\\n");
        return escaped.length() > 100 ? escaped.substring(0, 100) + "…(" + escaped.length() + ")" : escaped;
    }
}
