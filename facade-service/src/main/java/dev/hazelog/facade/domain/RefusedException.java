package dev.hazelog.facade.domain;

/**
 * Another service refused the request itself (an HTTP 4xx): trying again, or elsewhere, would not help. The client
 * gets that service's own answer.
 *
 * @see IdTakenException
 */
public class RefusedException extends RuntimeException {

    private final int status;
    private final String title;

    public RefusedException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /** The HTTP status the service answered, passed on as it was. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
