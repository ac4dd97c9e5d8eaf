package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default system keeps its messages in the database ./hazelog runs: they outlive every process of it. The
 * system is the one the other tests share, and it is up again when the test ends.
 */
@ExtendWith(RunningSystem.class)
class DurabilityIT {

    @Test
    void downThenUpListsEveryMessageInTheSameOrderAndABackupBringsTheLogBack(Launcher launcher) throws Exception {
        int before = launcher.http("facade").messageIds().size();
        for (int i = 0; i < 5; i++) {
            launcher.run("send", "kept " + i);
        }
        List<String> stored = launcher.http("facade").messageIds();
        assertThat(stored).hasSize(before + 5);

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
