package dev.hazelog.facade.domain;

/** A logging service refused the request itself (a 4xx): another try would be refused too. */
public class RejectedException extends RuntimeException {

    private final int status;
    private final String title;

    public RejectedException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
