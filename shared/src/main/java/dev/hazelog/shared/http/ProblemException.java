package dev.hazelog.shared.http;

import org.springframework.http.HttpStatus;

/** A request the API cannot serve as asked (bad input, a missing message): answered with an RFC 9457 problem body. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public ProblemException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException badRequest(String title, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, title, detail);
    }

    public static ProblemException messageNotFound(Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "No such message", "No message has the id " + id + ".");
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
