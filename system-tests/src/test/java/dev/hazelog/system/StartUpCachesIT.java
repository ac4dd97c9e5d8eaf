package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ./hazelog records a start-up cache per module by running a system of its own under a short load, and starts every
 * service from it; the training system is gone once the real one is up.
 */
@ExtendWith(RunningSystem.class)
class StartUpCachesIT {

    @Test
    void everyServiceStartsFromTheCacheItsTrainingRecorded(Launcher launcher) {
        assumeTrue(
                Runtime.version().feature() >= 25, "start-up caches need JDK 25 (this is " + Runtime.version() + ")");
        for (String name : launcher.jvmServices()) {
            String commandLine = ProcessHandle.of(launcher.pid(name))
                    .orElseThrow()
                    .info()
                    .commandLine()
                    .orElseThrow();
            assertThat(commandLine).as(name).contains("-XX:AOTCache=");
            // What the JVM prints when it cannot use the cache it was given (another JDK, other options).
            assertThat(launcher.log(name)).as(name).doesNotContain("[error][aot]");
        }
        assertThat(ProcessHandle.allProcesses()
                        .map(process -> process.info().commandLine().orElse("")))
                .as("processes of the training system")
                .noneMatch(commandLine -> commandLine.contains("--hazelog.cluster.name=aot-training-"));
        assertThat(Files.exists(launcher.runDirectory().resolve("training"))).isFalse();
    }
}
