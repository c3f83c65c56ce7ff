package io.tideway.engine.codegen;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.Project;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.Column;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.api.java.UDF0;
import io.tideway.sql.api.java.UDF1;
import io.tideway.sql.api.java.UDF2;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.udf;

/**
 * Java UDFs run in generated chains (continuous mode's path, no interpreted fallback) and give
 * the same bytes and errors as their interpreted evaluators: each kind of argument and result,
 * null arguments, and a user's exception.
 */
class UdfChainTest {
    private static final StructType SCHEMA = new StructType()
            .add("s", DataTypes.StringType, true)
            .add("n", DataTypes.IntegerType, true)
            .add("d", DataTypes.DoubleType, true);
    private static final Object[][] ROWS = {
            {"a,bb", 1, 1.5}, {null, 2, null}, {"", null, -0.0}, {"é€", -3, 2.25},
    };

    private final ChainDifferential differential = new ChainDifferential(SCHEMA, ROWS);

    @AfterEach
    void free() {
        differential.close();
    }

    private void assertGenerated(Column c) {
        LocalRelation leaf = new LocalRelation(SCHEMA, List.of());
        Expression e = Resolver.resolve(c.expr(), leaf);
        differential.assertSameOutput(new Project(List.of(e), leaf), leaf, true);
    }

    @Test
    void scalarArgumentsAndResults() {
        assertGenerated(udf((UDF2<String, Integer, String>) (s, n) -> s + ":" + n, DataTypes.StringType)
                .apply(col("s"), col("n")));
        assertGenerated(udf((UDF1<Integer, Long>) n -> n == null ? null : n * 10L, DataTypes.LongType).apply(col("n")));
        assertGenerated(udf((UDF1<Double, Double>) d -> d == null ? -1.0 : d * 2, DataTypes.DoubleType).apply(col("d")));
        assertGenerated(udf((UDF0<Boolean>) () -> true, DataTypes.BooleanType).apply());
        assertGenerated(udf((UDF1<Double, java.math.BigDecimal>) d -> d == null ? null : java.math.BigDecimal.valueOf(d),
                DataTypes.createDecimalType(10, 3)).apply(col("d")));
    }

    @Test
    void collectionResultsAndArguments() {
        assertGenerated(udf((UDF1<String, Object>) s -> s == null ? null : Arrays.asList(s.split(",")),
                DataTypes.createArrayType(DataTypes.StringType)).apply(col("s")));
        Column arr = udf((UDF1<Integer, Object>) n -> Arrays.asList(n, 2), DataTypes.createArrayType(DataTypes.IntegerType))
                .apply(col("n"));
        assertGenerated(udf((UDF1<scala.collection.Seq<Integer>, Integer>) q -> q.size(), DataTypes.IntegerType).apply(arr));
        StructType pair = new StructType().add("a", DataTypes.StringType, true).add("b", DataTypes.IntegerType, true);
        Column row = udf((UDF2<String, Integer, Row>) RowFactory::create, pair).apply(col("s"), col("n"));
        assertGenerated(udf((UDF1<Row, String>) r -> r.get(0) + "/" + r.get(1), DataTypes.StringType).apply(row));
    }

    /** A UDF that numbers the rows it sees: state in a field, as Spark allows per task. */
    private static final class RowNumber implements UDF1<Integer, Long> {
        private static final long serialVersionUID = 1L;
        private long seen;

        @Override
        public Long call(Integer n) {
            return ++seen;
        }
    }

    @Test
    void eachChainCallsItsOwnCopyOfAStatefulUdf() {
        // the interpreted and the generated chain each number the rows from 1: neither sees the other's calls
        assertGenerated(udf(new RowNumber(), DataTypes.LongType).apply(col("n")));
    }

    @Test
    void userExceptionFailsAlike() {
        assertGenerated(udf((UDF1<Integer, Integer>) n -> {
            if (n != null && n < 0) {
                throw new IllegalArgumentException("negative");
            }
            return n;
        }, DataTypes.IntegerType).apply(col("n")));
        assertGenerated(udf((UDF1<Integer, Object>) n -> "not an int", DataTypes.IntegerType).apply(col("n")));
    }
}
