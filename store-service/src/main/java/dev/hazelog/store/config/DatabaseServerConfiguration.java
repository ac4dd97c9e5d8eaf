package dev.hazelog.store.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The H2 database server the logging services write through, for one machine: it starts with this service and
 * stops with it (after its clients, which ./hazelog stops first). A database is created on its first connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DatabaseServerConfiguration {

    /** The database the logging services' URL names ({@code ./hazelog} and the compose file give them). */
    static final String DATABASE = "hazelog";

    @Bean(destroyMethod = "stop")
    Server databaseServer(DatabaseProperties properties) throws SQLException {
        List<String> arguments = new ArrayList<>(List.of(
                "-tcpPort",
                String.valueOf(properties.port()),
                "-baseDir",
                properties.directory().toAbsolutePath().toString(),
                "-ifNotExists"));
        if (properties.allowOthers()) {
            arguments.add("-tcpAllowOthers");
        }
        return Server.createTcpServer(arguments.toArray(String[]::new)).start();
    }

    @Bean(destroyMethod = "close")
    DatabaseCompaction databaseCompaction(DatabaseProperties properties) throws SQLException {
        return new DatabaseCompaction(properties.directory().resolve(DATABASE));
    }

    /** Up while the server takes connections; the details say where. */
    @Bean
    HealthIndicator database(Server databaseServer, DatabaseProperties properties) {
        return () -> (databaseServer.isRunning(false) ? Health.up() : Health.down())
                .withDetail("url", databaseServer.getURL())
                .withDetail("directory", properties.directory().toAbsolutePath().toString())
                .build();
    }
}
