package io.tideway.engine.codegen;

import io.tideway.engine.exec.ChainBuilder;
import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.Filter;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a plan's map-like chain both ways, generated ({@link CompiledChain}) and interpreted, over
 * fixed input rows, and asserts byte-identical output rows and identical errors. Owns one input
 * buffer; close it after the test.
 */
final class ChainDifferential implements AutoCloseable {
    private final StructType schema;
    private final Object[][] rows;
    private final GrowableBuffer input = new GrowableBuffer(256);

    ChainDifferential(StructType schema, Object[][] rows) {
        this.schema = schema;
        this.rows = rows;
    }

    @Override
    public void close() {
        input.close();
    }

    /** Both chains give the same rows, and fail on the same rows with the same error, with ANSI on and off. */
    void assertSameOutput(LogicalPlan top, LogicalPlan leaf, boolean expectGenerated) {
        assertSameOutput(top, leaf, expectGenerated, false);
        assertSameOutput(top, leaf, expectGenerated, true);
    }

    private void assertSameOutput(LogicalPlan top, LogicalPlan leaf, boolean expectGenerated, boolean ansi) {
        List<byte[]> interpreted = new ArrayList<>();
        List<byte[]> generated = new ArrayList<>();
        Operator slow = ChainBuilder.build(top, leaf, collector(interpreted), new EvalContext(ansi), false);
        Operator fast = ChainBuilder.build(top, leaf, collector(generated), new EvalContext(ansi), true);
        assertFalse(slow instanceof CompiledChain);
        if (expectGenerated) {
            assertInstanceOf(CompiledChain.class, fast, top.nodeName());
        } else {
            assertFalse(fast instanceof CompiledChain);
        }
        int failed = 0;
        for (Object[] row : rows) {
            int length = write(row);
            String slowError = errorOf(() -> slow.accept(input.buffer(), 0, length));
            String fastError = errorOf(() -> fast.accept(input.buffer(), 0, length));
            assertEquals(slowError, fastError, "error on row " + Arrays.toString(row) + ", ansi " + ansi);
            failed += slowError == null ? 0 : 1;
        }
        if (failed == rows.length) {
            return;
        }
        assertTrue(interpreted.size() > 0 || top instanceof Filter || failed > 0, "some rows reach the end");
        assertEquals(interpreted.size(), generated.size(), "rows out of " + top.nodeName());
        for (int i = 0; i < interpreted.size(); i++) {
            assertEquals(Arrays.toString(interpreted.get(i)), Arrays.toString(generated.get(i)), "row " + i);
        }
    }

    private static String errorOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Exception e) { // also a checked SparkException raised unchecked (FAILED_EXECUTE_UDF)
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static Operator collector(List<byte[]> out) {
        return (DirectBuffer buffer, int offset, int length) -> {
            byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            out.add(bytes);
        };
    }

    private int write(Object[] values) {
        RowWriter w = new RowWriter(schema.length()).wrap(input.buffer(), 0, input);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            DataType t = schema.apply(i).dataType();
            if (v == null) {
                w.setNull(i);
            } else if (t == DataTypes.LongType) {
                w.putLong(i, (Long) v);
            } else if (t == DataTypes.IntegerType) {
                w.putInt(i, (Integer) v);
            } else if (t == DataTypes.DoubleType) {
                w.putDouble(i, (Double) v);
            } else if (t == DataTypes.BooleanType) {
                w.putBoolean(i, (Boolean) v);
            } else if (t == DataTypes.TimestampType) {
                w.putLong(i, RowConverter.toMicros((Timestamp) v));
            } else if (t == DataTypes.DateType) {
                w.putInt(i, (int) ((Date) v).toLocalDate().toEpochDay());
            } else {
                w.putBytes(i, ((String) v).getBytes(StandardCharsets.UTF_8));
            }
        }
        return w.finish();
    }
}
