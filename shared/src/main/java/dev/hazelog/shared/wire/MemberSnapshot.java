package dev.hazelog.shared.wire;

import java.util.List;

/**
 * What one logging service's member sees of its cluster: {@code GET /cluster}.
 *
 * @param self the address of this service's own member
 * @param state the cluster's state: ACTIVE while it takes writes
 * @param lifecycle the member's last lifecycle event: MERGING while it joins back after a split and hands over what
 *     it stored alone, MERGED once that is done
 * @param entries the messages this member holds
 */
public record MemberSnapshot(
        String clusterName, String self, String state, String lifecycle, List<Member> members, Entries entries) {

    public record Member(String address, String uuid, boolean self) {}

    /** Messages a member holds: {@code owned} as their partition's owner, {@code backup} as a backup. */
    public record Entries(long owned, long backup) {}
}
