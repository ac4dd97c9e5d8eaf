package dev.hazelog.shared.http;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule of the API: answered with its status and an RFC 9457 problem body. */
public class InvalidInputException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public InvalidInputException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static InvalidInputException badRequest(String title, String detail) {
        return new InvalidInputException(HttpStatus.BAD_REQUEST, title, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
