package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps {@code ./hazelog bench} working: one seconds-long run of every workload but start-up (which would restart the
 * system several times under the other tests), memory-only among them. It measures nothing worth keeping;
 * docs/BENCHMARKS.md comes from full runs.
 */
@ExtendWith(RunningSystem.class)
@Order(3)
class BenchSmokeIT {

    @Test
    void theBenchmarkRunsEveryWorkloadPrintsItsTableAndLeavesTheSystemAsItFoundIt(Launcher launcher) {
        String output = launcher.run("bench", "--smoke", "--wipe", "--workloads", "L0,L1,F,B,G,M", "--clients", "4");

        assertThat(output)
                .contains("| L0 | closed loop |", "| L1 | closed loop |", "| F json | closed loop |")
                .contains("| F original | closed loop |", "| B x100 | closed loop |", "| G 1k /messages |")
                .contains("| G 1k page of 1000 |")
                .contains(
                        "| liveness | fixed ",
                        "| liveness facade | closed loop |",
                        "| liveness logging | closed loop |")
                .contains("| F json / the facade's liveness probe |", "| L1 / a logging service's liveness probe |")
                .contains("| F at half its maximum rate / the liveness probe at the same rate: p99 / p99 |")
                .contains("| F / L0 throughput |", "| L1 / L0 throughput |")
                .contains("| F json, memory only | closed loop |", "| F original, memory only | closed loop |")
                .contains("| F json with the database, after M | closed loop |")
                .contains("| F json with the database (before and after M) / memory only |");
        assertThat(output).as("no workload reports errors").doesNotContainPattern("\\| [1-9][0-9]* \\|\\n");
        // M restarts the logging services memory-only, then as they were: with the database again.
        assertThat(launcher.status())
                .contains("3 members", "the database ./hazelog runs (PostgreSQL)")
                .containsPattern("Resident memory: [1-9][0-9]* MB");
    }
}
