package dev.hazelog.messages;

import dev.hazelog.shared.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheServicesRooms() {
        ArchitectureRules.verify(MessagesServiceApplication.class);
    }
}
