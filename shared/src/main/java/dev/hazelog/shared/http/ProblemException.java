package dev.hazelog.shared.http;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** A request the API cannot serve as asked (bad input, a missing message): answered with an RFC 9457 problem body. */
public class ProblemException extends RuntimeException {

    private final HttpStatusCode status;
    private final String title;

    public ProblemException(HttpStatusCode status, String title, String detail) {
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

    public HttpStatusCode status() {
        return status;
    }

    public String title() {
        return title;
    }
}
