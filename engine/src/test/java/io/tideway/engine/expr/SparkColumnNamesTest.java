package io.tideway.engine.expr;

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

/** Column names and nullability a projection gets, as Spark's analyzer gives them. */
class SparkColumnNamesTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(1, "a b")),
            new StructType().add("i", DataTypes.IntegerType).add("s", DataTypes.StringType));

    @Test
    void aCastOfANamedColumnKeepsItsNameOtherCastsShowTheirText() {
        Dataset<Row> out = df.select(col("i").cast("bigint"), col("i").as("j").cast("double"),
                col("i").plus(1).cast("bigint"), expr("cast(i as string)"));
        assertArrayEquals(new String[]{"i", "j", "CAST((i + 1) AS BIGINT)", "i"}, out.columns());
    }

    @Test
    void dateAndTimestampLiteralsAreNamedAsSqlLiterals() {
        Dataset<Row> out = df.select(lit(java.sql.Date.valueOf("2024-01-02")),
                lit(java.sql.Timestamp.valueOf("2024-01-02 03:04:05")), lit(java.sql.Timestamp.valueOf("2024-01-02 03:04:05.12")));
        assertArrayEquals(new String[]{"DATE '2024-01-02'", "TIMESTAMP '2024-01-02 03:04:05'",
                "TIMESTAMP '2024-01-02 03:04:05.12'"}, out.columns());
    }

    @Test
    void arithmeticOfNonNullValuesIsNotNullableExceptDivision() {
        Dataset<Row> out = df.select(lit(2.5).multiply(lit(2)), lit(1).plus(2), lit(1).divide(1), col("i").plus(1),
                lit("1").cast("int"), lit(1).cast("double"));
        boolean[] nullable = new boolean[out.schema().length()];
        for (int f = 0; f < nullable.length; f++) {
            nullable[f] = out.schema().apply(f).nullable();
        }
        assertArrayEquals(new boolean[]{false, false, true, true, true, false}, nullable);
    }

    @Test
    void explodeOfAnArrayWithoutNullElementsIsNotNullable() {
        assertFalse(df.select(explode(split(col("s"), " "))).schema().apply(0).nullable());
    }
}
