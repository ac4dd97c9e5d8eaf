package dev.hazelog.logging.domain;

import dev.hazelog.shared.wire.MemberSnapshot;

/** What this service's member sees of its cluster. */
public interface ClusterStatus {

    boolean running();

    /** Running, in a cluster whose state lets it take writes. */
    boolean acceptsWrites();

    /** @throws StorageUnavailableException if the member is no longer running */
    MemberSnapshot snapshot();

    /** What this member holds; zero once it has stopped. */
    MemberSnapshot.Entries entries();
}
