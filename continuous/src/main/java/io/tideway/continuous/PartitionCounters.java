package io.tideway.continuous;

/**
 * Per-partition counters for progress reports: rows and slots the task consumed, and how often
 * the reader found nothing due. Each counter has one writer thread (task or reader) that stores
 * it plainly into a volatile; the coordinator thread reads them, perhaps a few slots old (good
 * enough for progress, and no read-modify-write contention on the hot path).
 */
final class PartitionCounters {
    private volatile long rows;
    private volatile long slots;
    private volatile long readerIdleCycles;

    void onSlot(int rowCount) {
        // single writer: a plain read-modify-write of a volatile is safe and publishes the value
        rows = rows + rowCount;
        slots = slots + 1;
    }

    /** Reader thread: a poll found no row due. */
    void onReaderIdle() {
        readerIdleCycles = readerIdleCycles + 1;
    }

    long readerIdleCycles() {
        return readerIdleCycles;
    }

    long rows() {
        return rows;
    }

    long slots() {
        return slots;
    }
}
