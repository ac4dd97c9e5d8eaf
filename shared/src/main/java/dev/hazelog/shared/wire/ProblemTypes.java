package dev.hazelog.shared.wire;

import java.net.URI;

/** The problem types (RFC 9457 {@code type}) that one service tells another, so that it acts on them without parsing words. */
public final class ProblemTypes {

    /**
     * The database behind the map did not answer. Every logging service shares it, so another one would not do
     * better: the facade passes the answer on instead of failing over.
     */
    public static final URI DATABASE_UNAVAILABLE = URI.create("urn:hazelog:problem:database-unavailable");

    private ProblemTypes() {}
}
