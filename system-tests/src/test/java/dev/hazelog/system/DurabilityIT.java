package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The default system keeps its messages in the store service's database: they outlive every process of it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurabilityIT {

    private Launcher launcher;

    @BeforeAll
    void start() {
        launcher = new Launcher();
        launcher.up();
    }

    @AfterAll
    void stop() {
        launcher.close();
    }

    @Test
    void downThenUpListsEveryMessageInTheSameOrderAndABackupBringsTheLogBack() throws Exception {
        for (int i = 0; i < 5; i++) {
            launcher.run("send", "kept " + i);
        }
        List<String> stored = launcher.http("facade").messageIds();
        assertThat(stored).hasSize(5);

        launcher.run("down");
        launcher.up();

        assertThat(launcher.http("facade").messageIds()).isEqualTo(stored);

        Path backup = Files.createTempFile("hazelog-backup-", ".sql");
        try {
            launcher.run("backup", backup.toString());
            launcher.run("send", "after the backup");
            assertThat(launcher.tryRun("restore", backup.toString()).exitCode())
                    .as("a restore under running logging services is refused")
                    .isNotZero();
            launcher.run("down");
            launcher.run("restore", backup.toString());
            launcher.up();

            assertThat(launcher.http("facade").messageIds()).isEqualTo(stored);
        } finally {
            Files.deleteIfExists(backup);
        }
    }
}
