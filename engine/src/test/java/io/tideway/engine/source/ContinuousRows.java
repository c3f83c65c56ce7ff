package io.tideway.engine.source;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.ContinuousPartitionReader;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers for continuous readers: poll (non-blocking) until rows arrive, under a timeout. */
public final class ContinuousRows {
    private ContinuousRows() {
    }

    /** Every row one poll returns, checking the poll kept to {@code maxRows}. */
    public static List<Row> poll(ContinuousPartitionReader reader, StructType schema, int maxRows) {
        RowConverter converter = new RowConverter(schema);
        List<Row> rows = new ArrayList<>();
        int n = reader.poll((b, o, l) -> rows.add(converter.toRow(b, o, l)), maxRows);
        assertTrue(n >= 0 && n <= maxRows, "poll returned " + n + " for maxRows " + maxRows);
        assertTrue(n == rows.size(), "poll returned " + n + " but emitted " + rows.size());
        return rows;
    }

    /** Polls until {@code count} rows have arrived (never more), failing after {@code timeout}. */
    public static List<Row> pollUntil(ContinuousPartitionReader reader, StructType schema, int count, Duration timeout) {
        List<Row> rows = new ArrayList<>();
        SourceRows.await(() -> {
            rows.addAll(poll(reader, schema, Math.min(7, count - rows.size())));
            return rows.size() >= count;
        }, timeout, count + " rows");
        return rows;
    }
}
