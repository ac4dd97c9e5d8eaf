package dev.hazelog.logging;

import java.util.List;

/** Retention with the messages in the members' memory only. */
class MemoryRetentionIT extends RetentionContract {

    @Override
    List<String> storeArguments() {
        return List.of();
    }
}
