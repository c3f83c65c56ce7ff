package io.tideway.connectors.kafka;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

final class Await {
    private Await() {
    }

    /** Waits for {@code condition} under a timeout; never a fixed sleep. */
    static void until(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out after " + timeoutMs + " ms waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // poll interval between condition checks
        }
    }
}
