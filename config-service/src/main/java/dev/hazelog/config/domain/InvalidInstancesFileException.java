package dev.hazelog.config.domain;

/** The instances file is missing or says something that cannot be served; the message names the file. */
public class InvalidInstancesFileException extends RuntimeException {

    public InvalidInstancesFileException(String location, String problem) {
        super(location + ": " + problem);
    }
}
