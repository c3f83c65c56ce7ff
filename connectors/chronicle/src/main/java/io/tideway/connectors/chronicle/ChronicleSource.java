package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.SourceContext;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.Map;

/**
 * What both executors' views of one {@code chronicle} source share: the open queue, the schema,
 * the initial position of a new query (its {@code startingPosition} resolved once, at start:
 * {@code latest} becomes the index of the last excerpt then in the queue) and the counters.
 *
 * <p>Threading: created and closed on the query thread; readers read its final fields and
 * update the counters (single writer, see {@link ExcerptCounters}).
 */
final class ChronicleSource implements AutoCloseable {
    private final ChronicleSourceOptions options;
    private final QueueLease lease;
    private final StructType schema;
    private final ChronicleOffset initial;
    private final ExcerptCounters counters = new ExcerptCounters();

    private ChronicleSource(ChronicleSourceOptions options, QueueLease lease, StructType schema) {
        this.options = options;
        this.lease = lease;
        this.schema = schema;
        this.initial = initialOffset(options.startingPosition(), lease.queue());
    }

    static ChronicleSource open(SourceContext context) {
        ChronicleSourceOptions options = ChronicleSourceOptions.parse(context.options());
        StructType schema = options.schema(options.format() == ExcerptFormat.BYTES ? null : context.schema());
        return new ChronicleSource(options, QueueLease.open(options.queue(), options.rollCycle()), schema);
    }

    private static ChronicleOffset initialOffset(String startingPosition, ChronicleQueue queue) {
        return switch (startingPosition) {
            case "earliest" -> ChronicleOffset.EARLIEST;
            case "latest" -> queue.lastIndex() >= 0 ? ChronicleOffset.after(queue.lastIndex()) : ChronicleOffset.EARLIEST;
            default -> ChronicleOffset.startingAt(Long.parseLong(startingPosition));
        };
    }

    ChronicleQueue queue() {
        return lease.queue();
    }

    ChronicleOffset initial() {
        return initial;
    }

    ChronicleSourceOptions options() {
        return options;
    }

    ExcerptCounters counters() {
        return counters;
    }

    String description() {
        return "ChronicleQueue[" + lease.describe() + ", format=" + options.format().name().toLowerCase() + "]";
    }

    /** A reader from {@code start}, to be used on one thread only. */
    ExcerptReader newReader(ChronicleOffset start) {
        int corrupt = options.format() == ExcerptFormat.WIRE ? schema.indexOf(options.corruptColumn()) : -1;
        ExcerptDecoder decoder = options.format() == ExcerptFormat.BYTES
                ? new BytesExcerptDecoder() : new WireExcerptDecoder(schema, corrupt);
        return new ExcerptReader(lease.queue(), start, decoder, schema.length(), options.mode(), corrupt, counters);
    }

    /** Progress metrics: {@code excerptsRead}, {@code corruptExcerpts}, {@code droppedExcerpts}. */
    Map<String, String> metrics() {
        return counters.metrics();
    }

    @Override
    public void close() {
        lease.close();
    }
}
