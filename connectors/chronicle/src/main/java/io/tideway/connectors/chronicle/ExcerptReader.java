package io.tideway.connectors.chronicle;

import io.tideway.engine.source.file.ParseMode;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowConsumer;
import io.tideway.offheap.row.RowWriter;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a queue's excerpts in order from a {@link ChronicleOffset}, one {@code readingDocument()}
 * per call, decoding each straight from the mapped file into one reused off-heap row, and applies
 * {@code mode} to corrupt ones. Shared by the micro-batch and continuous readers. No allocation
 * per excerpt in the steady state.
 *
 * <p>Threading: owned by one thread, which must also be the thread that first calls
 * {@link #next} (the tailer is created there: Chronicle tailers are single-threaded).
 */
final class ExcerptReader implements AutoCloseable {
    /** {@link #next}: a row was emitted. */
    static final int ROW = 1;
    /** {@link #next}: an excerpt was consumed and dropped ({@code DROPMALFORMED}). */
    static final int DROPPED = 0;
    /** {@link #next}: nothing to read now (or the next excerpt is past the limit). */
    static final int NONE = -1;

    private final ChronicleQueue queue;
    private final ChronicleOffset start;
    private final ExcerptDecoder decoder;
    private final ParseMode mode;
    private final int corruptColumn;
    private final int numFields;
    private final ExcerptCounters counters;
    private final GrowableBuffer rowBuffer = new GrowableBuffer(256);
    private final RowWriter row;
    private final UnsafeBuffer raw = new UnsafeBuffer(0, 0);
    private ExcerptTailer tailer;
    /** Index of the last excerpt consumed by this reader, or -1. */
    private long lastIndex = -1;

    ExcerptReader(ChronicleQueue queue, ChronicleOffset start, ExcerptDecoder decoder, int numFields, ParseMode mode,
                  int corruptColumn, ExcerptCounters counters) {
        this.queue = queue;
        this.start = start;
        this.decoder = decoder;
        this.numFields = numFields;
        this.mode = mode;
        this.corruptColumn = corruptColumn;
        this.counters = counters;
        this.row = new RowWriter(numFields);
    }

    /**
     * Consumes the next excerpt if one is there and its index is at most {@code maxIndex}.
     *
     * @return {@link #ROW}, {@link #DROPPED} or {@link #NONE}
     * @throws MalformedExcerptException for a corrupt excerpt under FAILFAST
     */
    int next(RowConsumer out, long maxIndex) {
        if (tailer == null) {
            tailer = queue.createTailer();
            TailerPositions.position(queue, tailer, start);
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return NONE;
            }
            long index = dc.index();
            if (index > maxIndex) {
                dc.rollbackOnClose();
                return NONE;
            }
            Bytes<?> bytes = dc.wire().bytes();
            long excerptStart = bytes.readPosition();
            int excerptLength = (int) bytes.readRemaining();
            row.wrap(rowBuffer.buffer(), 0, rowBuffer);
            String problem = decoder.decode(index, dc.wire(), row);
            counters.onExcerpt();
            if (problem == null) {
                if (corruptColumn >= 0) {
                    row.setNull(corruptColumn);
                }
                lastIndex = index;
                out.accept(rowBuffer.buffer(), 0, row.finish());
                return ROW;
            }
            counters.onCorrupt(mode == ParseMode.DROPMALFORMED);
            switch (mode) {
                case FAILFAST -> throw new MalformedExcerptException(queue.fileAbsolutePath(), index,
                        queue.rollCycle().toCycle(index), queue.rollCycle().toSequenceNumber(index), problem);
                case DROPMALFORMED -> {
                    lastIndex = index;
                    return DROPPED;
                }
                default -> {
                    row.wrap(rowBuffer.buffer(), 0, rowBuffer);
                    for (int i = 0; i < numFields; i++) {
                        if (i != corruptColumn) {
                            row.setNull(i);
                        }
                    }
                    if (corruptColumn >= 0) {
                        raw.wrap(bytes.addressForRead(excerptStart), Math.max(excerptLength, 0));
                        row.putBytes(corruptColumn, raw, 0, excerptLength);
                    }
                    lastIndex = index;
                    out.accept(rowBuffer.buffer(), 0, row.finish());
                    return ROW;
                }
            }
        }
    }

    /** Index of the last excerpt consumed, or -1 if none yet. */
    long lastIndex() {
        return lastIndex;
    }

    /** Where a restart resumes: after the last excerpt consumed, or this reader's start. */
    ChronicleOffset currentOffset() {
        return lastIndex >= 0 ? ChronicleOffset.after(lastIndex) : start;
    }

    @Override
    public void close() {
        if (tailer != null) {
            tailer.close();
        }
        decoder.close();
        rowBuffer.close();
    }
}
