package io.tideway.engine.plan;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.session_window;
import static io.tideway.sql.functions.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** window() and session_window() are checked as Spark checks them: when a Dataset uses them, not when built. */
class TimeWindowingTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Dataset<Row> rate = spark.readStream().format("rate").load();
    private final Dataset<Row> strings = spark.createDataFrame(List.of(
                    RowFactory.create("a", "2024-01-01 00:00:01"), RowFactory.create("b", "2024-01-01 00:00:11"),
                    RowFactory.create("a", "2024-01-01 00:00:09")),
            new StructType().add("word", DataTypes.StringType).add("ts", DataTypes.StringType));

    @Test
    void argumentsAreCheckedWhenTheColumnIsUsedNotWhenItIsBuilt() {
        Column unparsable = window(col("timestamp"), "10 bananas");
        Column empty = window(col("timestamp"), "0 seconds");
        Column gap = session_window(col("timestamp"), "-10 seconds");
        AnalysisException parse = assertThrows(AnalysisException.class, () -> rate.groupBy(unparsable).count());
        assertEquals("CANNOT_PARSE_INTERVAL", parse.getCondition());
        assertTrue(!parse.getMessage().contains(";\n"), "a parse error carries no plan, as in Spark");
        AnalysisException range = assertThrows(AnalysisException.class, () -> rate.groupBy(empty).count());
        assertEquals("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", range.getCondition());
        assertTrue(range.getMessage().contains("SQLSTATE: 42K09;\n"), "checkAnalysis appends the plan: " + range.getMessage());
        assertEquals(List.of("session_window", "count"), List.of(rate.groupBy(gap).count().columns()));
    }

    @Test
    void theTimeColumnMustBeATimestampOrAString() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> rate.groupBy(window(col("value"), "10 seconds")).count());
        assertEquals("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", e.getCondition());
        assertTrue(e.getMessage().contains("SQLSTATE: 42K09;\n"), e.getMessage());
    }

    @Test
    void anAliasedWindowKeepsItsNameAndItsFields() {
        Dataset<Row> counts = rate.groupBy(window(col("timestamp"), "10 seconds").as("w")).count();
        assertArrayEquals(new String[] {"w", "count"}, counts.columns());
        assertArrayEquals(new String[] {"start", "count"}, counts.select(col("w.start"), col("count")).columns());
        Dataset<Row> sessions = rate.groupBy(session_window(col("timestamp"), "10 seconds").as("s"), col("value")).count();
        assertArrayEquals(new String[] {"s", "value", "count"}, sessions.columns());
    }

    @Test
    void aStringTimeIsCastAndAnExpressionIsComputedPerRow() {
        for (Column time : List.of(col("ts"), col("ts").cast("timestamp"))) {
            List<String> rows = strings.groupBy(window(time, "10 seconds").as("w"), col("word")).count()
                    .select(col("w.start"), col("word"), col("count")).collectAsList().stream().map(Row::toString).sorted()
                    .toList();
            assertEquals(List.of("[2024-01-01 00:00:00.0,a,2]", "[2024-01-01 00:00:10.0,b,1]"), rows, time.toString());
        }
    }
}
