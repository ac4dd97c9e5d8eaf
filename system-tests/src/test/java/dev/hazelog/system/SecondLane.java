package dev.hazelog.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The second lane of the system tests (junit-platform.properties): classes that start systems of their own and use
 * nothing of the shared one ({@link Member}) run beside the shared system's later classes, held back until ApiIT
 * (whose first start records the start-up caches), FaultSuiteIT and FailureScenarioIT are over: those time how soon a
 * fault is noticed and mended, which a second system on the two cores would slow. As a listener (META-INF/services)
 * it learns which of them this run holds, and when each ends.
 */
public final class SecondLane implements TestExecutionListener, BeforeAllCallback {

    /**
     * A class of the lane. The lock makes them run one at a time, and a class that holds one runs its tests one after
     * another, in their order, where {@code @Execution(CONCURRENT)} alone would run them side by side.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Execution(ExecutionMode.CONCURRENT)
    @ExtendWith(SecondLane.class)
    @ResourceLock("the second lane")
    @interface Member {}

    private static final Set<String> ALONE =
            Set.of(ApiIT.class.getName(), FaultSuiteIT.class.getName(), FailureScenarioIT.class.getName());

    private static final Set<String> pending = ConcurrentHashMap.newKeySet();
    private static final CountDownLatch open = new CountDownLatch(1);
    private static volatile boolean planSeen;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .flatMap(test -> className(test).stream())
                .filter(ALONE::contains)
                .forEach(pending::add);
        planSeen = true;
        openWhenNonePending();
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        ended(test);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        ended(test);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        if (!planSeen) {
            throw new IllegalStateException("SecondLane is not registered as a listener (META-INF/services)");
        }
        open.await();
    }

    private static void ended(TestIdentifier test) {
        className(test).ifPresent(pending::remove);
        openWhenNonePending();
    }

    private static void openWhenNonePending() {
        if (pending.isEmpty()) {
            open.countDown();
        }
    }

    private static Optional<String> className(TestIdentifier test) {
        return test.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName());
    }
}
