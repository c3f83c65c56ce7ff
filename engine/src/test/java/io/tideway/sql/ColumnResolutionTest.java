package io.tideway.sql;

import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code df.col(name)} binds to df's column wherever a plan carries it; a bare name must be unique. */
class ColumnResolutionTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final StructType schema = new StructType().add("id", "int").add("v", "string");
    private final Dataset<Row> left = spark.createDataFrame(List.of(RowFactory.create(1, "a"), RowFactory.create(2, "b")), schema);
    private final Dataset<Row> right = spark.createDataFrame(List.of(RowFactory.create(1, "x"), RowFactory.create(3, "z")), schema);

    @Test
    void aSidesColumnBindsToThatSideAfterAJoin() {
        Dataset<Row> joined = left.join(right, left.col("id").equalTo(right.col("id")), "left_outer")
                .select(right.col("id"), left.col("id"), left.col("v").as("lv"), right.col("v").as("rv"));
        assertEquals("[[1,1,a,x], [null,2,b,null]]", joined.collectAsList().toString());
    }

    @Test
    void aSidesColumnSurvivesFiltersAndWithColumn() {
        Dataset<Row> joined = left.join(right, left.col("id").equalTo(right.col("id")))
                .withColumn("n", left.col("v").isNull()).drop("n").where(right.col("v").equalTo("x"));
        assertEquals("[[1,a,1,x]]", joined.select(left.col("id"), left.col("v"), right.col("id"), right.col("v"))
                .collectAsList().toString());
    }

    @Test
    void aNameBothSidesHaveIsAmbiguous() {
        Dataset<Row> joined = left.join(right, left.col("id").equalTo(right.col("id")));
        AnalysisException e = assertThrows(AnalysisException.class, () -> joined.select("id"));
        assertEquals("AMBIGUOUS_REFERENCE", e.getCondition());
        assertTrue(e.getMessage().startsWith("[AMBIGUOUS_REFERENCE] Reference `id` is ambiguous, could be: [`id`, `id`]."), e.getMessage());
        assertThrows(AnalysisException.class, () -> joined.where("id > 1"));
        assertThrows(AnalysisException.class, () -> joined.col("id"));
        assertEquals(4, joined.select("*").columns().length, "* expands by position, not by name");
    }
}
