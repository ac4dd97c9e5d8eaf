package dev.hazelog.facade.domain;

/** Asks the config service where the instances are. */
public interface InstanceSource {

    /** @throws ServiceUnavailableException if the config service does not answer */
    Instances fetch();

    /** For messages: where the instances come from. */
    String describe();
}
