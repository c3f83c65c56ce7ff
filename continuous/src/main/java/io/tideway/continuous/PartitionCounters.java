package io.tideway.continuous;

/**
 * Per-partition counters for progress reports: rows and slots the task consumed. Written by the
 * task thread with plain stores of a single writer; read by the coordinator thread, which may see
 * values a few slots old (good enough for progress, and free on the hot path).
 */
final class PartitionCounters {
    private volatile long rows;
    private volatile long slots;

    void onSlot(int rowCount) {
        // single writer: a plain read-modify-write of a volatile is safe and publishes the value
        rows = rows + rowCount;
        slots = slots + 1;
    }

    long rows() {
        return rows;
    }

    long slots() {
        return slots;
    }
}
