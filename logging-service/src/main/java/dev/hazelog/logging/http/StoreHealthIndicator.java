package dev.hazelog.logging.http;

import dev.hazelog.logging.domain.MessageArchive;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Where the messages are kept: memory only, or a database that must answer for the service to take writes. */
@Component("store")
class StoreHealthIndicator implements HealthIndicator {

    private final ObjectProvider<MessageArchive> archive;

    StoreHealthIndicator(ObjectProvider<MessageArchive> archive) {
        this.archive = archive;
    }

    @Override
    public Health health() {
        MessageArchive messages = archive.getIfAvailable();
        if (messages == null) {
            return Health.up().withDetail("kind", "memory only").build();
        }
        Health.Builder health = messages.reachable() ? Health.up() : Health.down();
        return health.withDetail("kind", "database")
                .withDetail("database", messages.name())
                .build();
    }
}
