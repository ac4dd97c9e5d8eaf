package dev.hazelog.store;

import dev.hazelog.shared.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheServicesRooms() {
        ArchitectureRules.verify(StoreServiceApplication.class);
    }
}
