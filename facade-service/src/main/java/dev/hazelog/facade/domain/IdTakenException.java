package dev.hazelog.facade.domain;

/** A logging service refused a message whose id is already stored with another text. */
public class IdTakenException extends RefusedException {

    public IdTakenException(int status, String title, String detail) {
        super(status, title, detail);
    }
}
