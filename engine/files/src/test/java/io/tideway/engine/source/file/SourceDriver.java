package io.tideway.engine.source.file;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Offset;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.ReadLimit;
import io.tideway.engine.spi.SourceContext;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives a source the way the micro-batch executor does: latestOffset, offset JSON round trip
 * (as through {@code offsets/N}), planPartitions, a reader per partition read until -1, commit.
 */
final class SourceDriver {
    final StreamSource source;
    final StructType schema;
    final List<Offset> ends = new ArrayList<>();
    Offset committed;

    SourceDriver(SourceProvider provider, StructType userSchema, Map<String, String> options, Path metadataDir) {
        this(provider, userSchema, options, metadataDir, Map.of());
    }

    /** With session settings ({@code spark.sql.streaming.fileSource.log.*} and others). */
    SourceDriver(SourceProvider provider, StructType userSchema, Map<String, String> options, Path metadataDir,
                 Map<String, String> conf) {
        Options opts = new Options(options);
        this.schema = provider.schema(userSchema, opts);
        this.source = provider.create(new SourceContext(opts, schema, metadataDir, conf));
    }

    /** Runs one batch; null when there is no new data (no batch would run). */
    List<Row> runBatch(ReadLimit limit) {
        Offset latest = source.latestOffset(committed, limit);
        if (latest == null || (committed != null && latest.json().equals(committed.json()))) {
            return null;
        }
        Offset end = source.deserializeOffset(latest.json());
        List<Row> rows = read(source, schema, committed, end);
        source.commit(end);
        committed = end;
        ends.add(end);
        return rows;
    }

    List<Row> runBatch() {
        return runBatch(ReadLimit.SOURCE_DEFAULT);
    }

    /** Reads (start, end] with small read calls, as worker threads would. */
    static List<Row> read(StreamSource source, StructType schema, Offset start, Offset end) {
        RowConverter converter = new RowConverter(schema);
        List<Row> rows = new ArrayList<>();
        for (InputPartition p : source.planPartitions(start, end)) {
            try (PartitionReader r = source.createReader(p)) {
                int n;
                do {
                    n = r.read((buf, off, len) -> rows.add(converter.toRow(buf, off, len)), 2);
                } while (n >= 0);
            }
        }
        return rows;
    }

    static List<Object> column(List<Row> rows, int i) {
        List<Object> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.get(i));
        }
        return out;
    }
}
