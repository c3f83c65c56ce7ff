package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.PartitionReader;
import io.tideway.offheap.row.RowConsumer;
import net.openhft.chronicle.queue.ChronicleQueue;

/**
 * Reads one micro-batch, the excerpts after its start up to index {@code lastIndex} inclusive.
 * The planned end was already in the queue, so an excerpt that does not show up within
 * {@link #MISSING_TIMEOUT_NS} means the queue lost it: the batch fails naming queue and index.
 *
 * <p>Threading: owned by one worker thread.
 */
final class ChronicleBatchReader implements PartitionReader {
    static final long MISSING_TIMEOUT_NS = 10_000_000_000L;

    private final ExcerptReader reader;
    private final long lastIndex;
    private final ChronicleQueue queue;
    private boolean done;
    private long waitingSince;

    ChronicleBatchReader(ExcerptReader reader, long lastIndex, ChronicleQueue queue) {
        this.reader = reader;
        this.lastIndex = lastIndex;
        this.queue = queue;
    }

    @Override
    public int read(RowConsumer out, int maxRows) {
        if (done) {
            return -1;
        }
        int emitted = 0;
        while (emitted < maxRows) {
            int r = reader.next(out, lastIndex);
            if (r == ExcerptReader.NONE) {
                break;
            }
            waitingSince = 0;
            emitted += r;
            if (reader.lastIndex() >= lastIndex) {
                done = true;
                break;
            }
        }
        if (!done && emitted == 0) {
            checkNotStuck();
        }
        return emitted == 0 && done ? -1 : emitted;
    }

    private void checkNotStuck() {
        long now = System.nanoTime();
        if (waitingSince == 0) {
            waitingSince = now;
        } else if (now - waitingSince > MISSING_TIMEOUT_NS) {
            throw new IllegalStateException("Chronicle queue " + queue.fileAbsolutePath() + ": the batch ends at index "
                    + TailerPositions.describe(queue, lastIndex) + " but the reader found no excerpt after "
                    + TailerPositions.describe(queue, reader.lastIndex()) + " within 10 s");
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
