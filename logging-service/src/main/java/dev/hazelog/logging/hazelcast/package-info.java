/** The Hazelcast adapter: the member's configuration, the distributed map behind {@code MessageStore}, the member's view of its cluster. */
@NullMarked
package dev.hazelog.logging.hazelcast;

import org.jspecify.annotations.NullMarked;
