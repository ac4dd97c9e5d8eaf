package dev.hazelog.store.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The H2 server, bound from {@code hazelog.database.*} (env {@code HAZELOG_DATABASE_*}).
 *
 * @param port the TCP port the logging services connect to ({@code jdbc:h2:tcp://127.0.0.1:<port>/hazelog})
 * @param directory where the databases live; one file per database
 * @param allowOthers whether connections from other hosts are taken; off, only this machine's are
 */
@ConfigurationProperties("hazelog.database")
public record DatabaseProperties(
        @DefaultValue("5707") int port,
        @DefaultValue("data") Path directory,
        @DefaultValue("false") boolean allowOthers) {

    public DatabaseProperties {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("hazelog.database.port must be between 1 and 65535, not " + port);
        }
    }
}
