package io.tideway.engine.plan;

import io.tideway.sql.AnalysisException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tideway.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/** agg() columns that compute with aggregates: aggregate functions below, the computation in a Project above. */
class AggregatePlannerTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Dataset<Row> df = spark.createDataFrame(List.of(
            RowFactory.create(1L, 2L), RowFactory.create(1L, 4L), RowFactory.create(2L, null)),
            new StructType().add("k", DataTypes.LongType).add("v", DataTypes.LongType));

    @Test
    void arithmeticOnAggregatesIsProjectedAboveTheAggregate() {
        Dataset<Row> out = df.groupBy("k").agg(sum("v").divide(count("v")), expr("min(v) + k").as("m"), count("v"));
        assertArrayEquals(new String[]{"k", "(sum(v) / count(v))", "m", "count(v)"}, out.columns());
        assertInstanceOf(Project.class, out.logicalPlan());
        List<String> rows = out.collectAsList().stream().map(Row::toString).sorted().toList();
        assertEquals(List.of("[1,3.0,3,2]", "[2,null,null,0]"), rows);
    }

    @Test
    void bareAggregatesNeedNoProject() {
        assertInstanceOf(Aggregate.class, df.groupBy("k").agg(max("v")).logicalPlan());
    }

    @Test
    void aColumnOutsideTheAggregatesThatIsNotGroupedIsMissingAggregation() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.groupBy("k").agg(col("v").plus(max("v"))));
        assertEquals("MISSING_AGGREGATION", e.getCondition());
    }
}
