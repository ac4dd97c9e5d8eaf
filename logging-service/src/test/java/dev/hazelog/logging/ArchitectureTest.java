package dev.hazelog.logging;

import dev.hazelog.shared.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheServicesRooms() {
        ArchitectureRules.verify(LoggingServiceApplication.class);
    }
}
