package dev.hazelog.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps {@code ./hazelog bench} working: a seconds-long run of every workload but start-up (which would restart the
 * system under the other tests). It measures nothing worth keeping; docs/BENCHMARKS.md comes from full runs.
 */
@ExtendWith(RunningSystem.class)
@Order(3)
class BenchSmokeIT {

    @Test
    void theBenchmarkRunsEveryWorkloadAndPrintsItsTable(Launcher launcher) {
        String output = launcher.run("bench", "--smoke", "--wipe", "--workloads", "L0,L1,F,B,G", "--clients", "4");

        assertThat(output)
                .contains("| L0 | closed loop |", "| L1 | closed loop |", "| F json | closed loop |")
                .contains("| F original | closed loop |", "| B x100 | closed loop |", "| G 1k /messages |")
                .contains("| liveness | fixed ")
                .contains(
                        "| F / L0 throughput |", "| L1 / L0 throughput |", "| F at half its maximum rate: p99 / p50 |")
                .contains("| the facade's liveness probe at the same rate: p99 / p50 |");
        assertThat(output).as("no workload reports errors").doesNotContainPattern("\\| [1-9][0-9]* \\|\\n");
    }
}
