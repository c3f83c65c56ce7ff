package io.tideway.engine.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.VariantExplode;
import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Spark's table-valued functions, the names {@code FROM name(...)} and {@code TidewaySession.tvf()}
 * read (Spark's {@code TableFunctionRegistry}): {@code range} and the generators {@code explode},
 * {@code posexplode}, {@code inline}, {@code stack}, {@code json_tuple}, {@code variant_explode}
 * (with their {@code _outer} forms). A generator's table is its rows over one input row, or, for
 * {@code LATERAL gen(t.c)}, over each row of the relation before it. {@code variant_explode} is a
 * table function only, as in Spark: a SELECT list cannot call it. Stateless.
 */
public final class TableFunctions {
    private static final Set<String> GENERATORS = Set.of("explode", "explode_outer", "posexplode", "posexplode_outer",
            "inline", "inline_outer", "json_tuple", "stack", "variant_explode", "variant_explode_outer");

    private TableFunctions() {
    }

    /** Whether {@code name} is a table function that generates rows from its arguments (not {@code range}). */
    public static boolean isGenerator(String name) {
        return GENERATORS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The generator {@code name(args)}; {@link #isGenerator} must hold. */
    public static Expression generator(String name, List<Expression> args) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.startsWith("variant_explode")) {
            if (args.size() != 1) {
                throw Unchecked.raise(new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName",
                        ErrorParams.id(key), "expectedNum", "1", "actualNum", String.valueOf(args.size()),
                        "docroot", "https://spark.apache.org/docs/latest")));
            }
            return new VariantExplode(args.get(0), key.endsWith("_outer"));
        }
        return FunctionRegistry.call(key, args);
    }

    /** The rows of {@code generator} over one input row without columns, as {@code FROM explode(array(1, 2))}. */
    public static Dataset<Row> rows(TidewaySession session, Expression generator) {
        return session.createDataFrame(List.of(RowFactory.create()), new StructType()).select(new Column(generator));
    }

    /**
     * {@code FROM range(...)}: Spark's {@code range(end)}, {@code range(start, end)},
     * {@code range(start, end, step)} and {@code range(start, end, step, numPartitions)}, each
     * argument a constant.
     */
    static Dataset<Row> range(TidewaySession session, List<Column> args) {
        if (args.isEmpty() || args.size() > 4) {
            throw Unchecked.raise(new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName",
                    ErrorParams.id("range"), "expectedNum", "[1, 2, 3, 4]", "actualNum", String.valueOf(args.size()),
                    "docroot", "https://spark.apache.org/docs/latest")));
        }
        Row values = session.createDataFrame(List.of(RowFactory.create()), new StructType())
                .select(args.toArray(new Column[0])).collectAsList().get(0);
        long[] v = new long[args.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) values.get(i)).longValue();
        }
        switch (v.length) {
            case 1:
                return session.range(v[0]).toDF();
            case 2:
                return session.range(v[0], v[1]).toDF();
            case 3:
                return session.range(v[0], v[1], v[2]).toDF();
            default:
                return session.range(v[0], v[1], v[2], (int) v[3]).toDF();
        }
    }
}
