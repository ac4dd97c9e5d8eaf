package dev.hazelog.facade;

import dev.hazelog.shared.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheServicesRooms() {
        ArchitectureRules.verify(FacadeServiceApplication.class);
    }
}
