package io.tideway.engine.codegen;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.sql.SqlExpressionParser;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.Project;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

/**
 * Higher-order functions run in generated chains (continuous mode's path, no interpreted
 * fallback) and give the same bytes and errors as their interpreted evaluators, nested lambdas
 * and lambdas reading columns included.
 */
class LambdaChainTest {
    private static final StructType SCHEMA = new StructType()
            .add("s", DataTypes.StringType, true)
            .add("n", DataTypes.IntegerType, true);
    private static final Object[][] ROWS = {
            {"a,bb,ccc", 1}, {null, 2}, {"", null}, {"x,,y,x", -3}, {"é€,😀", 0},
    };

    private final ChainDifferential differential = new ChainDifferential(SCHEMA, ROWS);

    @AfterEach
    void free() {
        differential.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "transform(split(s, ','), x -> upper(x))",
        "transform(split(s, ','), (x, i) -> concat(x, CAST(i + n AS STRING)))",
        "filter(split(s, ','), (x, i) -> length(x) > i)",
        "exists(split(s, ','), x -> x = 'x')",
        "forall(split(s, ','), x -> length(x) > n)",
        "aggregate(split(s, ','), '', (acc, x) -> concat(acc, x, '|'), acc -> upper(acc))",
        "aggregate(split(s, ','), 0, (acc, x) -> acc + length(x) + n)",
        "transform(split(s, ','), x -> transform(split(x, ''), y -> concat(y, x)))",
        "zip_with(split(s, ','), array(n, n), (x, y) -> concat(x, CAST(y AS STRING)))",
        "array_sort(split(s, ','), (l, r) -> length(r) - length(l))",
        "transform_values(map(coalesce(s, '-'), n), (k, v) -> v * 2)",
        "map_filter(map('a', n, 'b', 1), (k, v) -> v > 0)",
        "transform_keys(map('a', n, 'b', 1), (k, v) -> concat(k, s))",
        "map_zip_with(map('a', n), map('b', 1, 'a', 2), (k, v1, v2) -> coalesce(v1, 0) + v2)",
    })
    void generatedChainMatchesTheInterpreter(String text) {
        LocalRelation leaf = new LocalRelation(SCHEMA, List.of());
        Expression e = Resolver.resolve(SqlExpressionParser.parseColumn(text).expr(), leaf);
        differential.assertSameOutput(new Project(List.of(e), leaf), leaf, true);
    }
}
