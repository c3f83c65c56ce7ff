package io.tideway.engine.source;

import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.engine.spi.StreamSource;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: drains partition readers into Java rows and waits on conditions under a timeout. */
public final class SourceRows {
    private SourceRows() {
    }

    /** Every row of one reader, read in chunks of {@code chunk} rows. */
    public static List<Row> collect(PartitionReader reader, StructType schema, int chunk) {
        RowConverter converter = new RowConverter(schema);
        List<Row> rows = new ArrayList<>();
        try (reader) {
            for (int calls = 0; calls < 1_000_000; calls++) {
                int n = reader.read((buffer, offset, length) -> rows.add(converter.toRow(buffer, offset, length)), chunk);
                if (n < 0) {
                    return rows;
                }
                if (n > chunk) {
                    fail("read returned " + n + " rows for maxRows " + chunk);
                }
            }
        }
        fail("reader did not finish");
        return rows;
    }

    /** Rows of each partition, in partition order. */
    public static List<List<Row>> collect(StreamSource source, List<InputPartition> partitions, StructType schema) {
        List<List<Row>> out = new ArrayList<>();
        for (InputPartition p : partitions) {
            out.add(collect(source.createReader(p), schema, 3));
        }
        return out;
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
