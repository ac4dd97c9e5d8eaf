package dev.hazelog.system;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One Hazelog, started with {@code ./hazelog up} before the first test that asks for it and stopped after the last
 * test of the run. A failed test prints the tail of every service's log.
 */
class RunningSystem implements ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);
    /** The defaults, but for a stream's heartbeat: 2 s instead of 15, so that a test sees one come. */
    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Launcher.class;
    }

    @Override
    public Launcher resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context).running();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Started started = context.getRoot().getStore(NAMESPACE).get(Started.class, Started.class);
        if (started != null && started.failure == null) {
            System.err.println(
                    "Service logs after " + context.getDisplayName() + " failed:\n" + started.launcher.logTails());
        }
    }

    /** Starts once per run; a failed start is remembered, so later tests fail at once instead of starting again. */
    private static Started system(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        Started.class,
                        type -> {
                            Launcher launcher =
                                    new Launcher(Map.of("HAZELOG_STREAM_HEARTBEAT", HEARTBEAT.toSeconds() + "s"));
                            try {
                                launcher.up();
                                return new Started(launcher, null);
                            } catch (RuntimeException | AssertionError e) {
                                System.err.println("./hazelog up failed:\n" + launcher.logTails());
                                launcher.close();
                                return new Started(launcher, e);
                            }
                        },
                        Started.class);
    }

    /** Closed by JUnit when the run ends: stops every service. */
    private record Started(Launcher launcher, Throwable failure) implements AutoCloseable {

        Launcher running() {
            if (failure != null) {
                throw new IllegalStateException("./hazelog up failed", failure);
            }
            return launcher;
        }

        @Override
        public void close() {
            if (failure == null) {
                launcher.close();
            }
        }
    }
}
