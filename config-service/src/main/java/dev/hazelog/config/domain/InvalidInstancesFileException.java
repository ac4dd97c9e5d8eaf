package dev.hazelog.config.domain;

/** The instances file is missing or says something that cannot be served; the message names the file. */
public class InvalidInstancesFileException extends RuntimeException {

    private final String location;

    public InvalidInstancesFileException(String location, String problem) {
        super(location + ": " + problem);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
