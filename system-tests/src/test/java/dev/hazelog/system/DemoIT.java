package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./hazelog demo} on the running system: every step of the original report's scenario is told and checked by
 * the demo itself, which exits non-zero at the first that does not behave; here, that it ran them all and left the
 * system whole.
 */
@ExtendWith(RunningSystem.class)
class DemoIT {

    @Test
    void theDemoTellsTheOriginalScenarioStepByStepAndLeavesTheSystemAsItFoundIt(Launcher launcher) {
        String output = launcher.run("demo");

        assertThat(output)
                .contains("1. Ten messages through the original route", "2. logging-2 killed (SIGKILL)")
                .containsPattern("Cluster '[^']+': 2 members\\.")
                .containsPattern("Cluster '[^']+': 3 members\\.")
                .contains("\"status\":\"ok\"", "\"status\":\"duplicate, ok\"")
                .contains("7. The live stream")
                .endsWith("Every step behaved as the report says.\n");
        Matcher stored = Pattern.compile("stored by (logging-\\d)").matcher(output);
        assertThat(stored.results().count())
                .as("ten messages and three after the kill")
                .isEqualTo(13);
        assertThat(launcher.status()).contains("3 members");
        assertThat(launcher.run("status")).doesNotContain("down");
    }
}
