package io.tideway.connectors.chronicle;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: queues in a temp dir, excerpts of one little-endian long, waiting on conditions. */
final class TestQueues {
    private TestQueues() {
    }

    static ChronicleQueue open(Path dir) {
        return SingleChronicleQueueBuilder.single(dir.toFile()).build();
    }

    static ChronicleQueue open(Path dir, RollCycle cycle, TimeProvider time) {
        return SingleChronicleQueueBuilder.single(dir.toFile()).rollCycle(cycle).timeProvider(time).build();
    }

    /** Appends excerpts holding the longs {@code from..to-1} (8 bytes each); returns their indices. */
    static List<Long> appendLongs(ChronicleQueue q, long from, long to) {
        List<Long> indices = new ArrayList<>();
        try (ExcerptAppender a = q.createAppender()) {
            for (long v = from; v < to; v++) {
                try (DocumentContext dc = a.writingDocument()) {
                    dc.wire().bytes().writeLong(v);
                }
                indices.add(a.lastIndexAppended());
            }
        }
        return indices;
    }

    static long decodeLong(byte[] excerpt) {
        return ByteBuffer.wrap(excerpt).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Every data excerpt in the queue as a long (plain tailer: sees rows of cut-short attempts too). */
    static List<Long> readLongs(ChronicleQueue q) {
        List<Long> out = new ArrayList<>();
        try (ExcerptTailer t = q.createTailer()) {
            while (true) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        return out;
                    }
                    out.add(dc.wire().bytes().readLong());
                }
            }
        }
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, what, 1_000_000L);
    }

    /** Waits for {@code condition} under a 60 s timeout, parking {@code pollNanos} between checks. */
    static void await(BooleanSupplier condition, String what, long pollNanos) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(pollNanos); // poll interval between condition checks
        }
    }
}
