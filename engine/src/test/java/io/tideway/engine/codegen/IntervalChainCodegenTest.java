package io.tideway.engine.codegen;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.sql.SqlExpressionParser;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Interval and timestamp_ntz expressions compile into the fused chain that continuous mode runs,
 * with no interpreted fallback.
 */
class IntervalChainCodegenTest {
    private static final StructType SCHEMA = new StructType()
            .add("ts", DataTypes.TimestampType)
            .add("dt", DataTypes.DateType)
            .add("d", DataTypes.createDayTimeIntervalType())
            .add("y", DataTypes.createYearMonthIntervalType())
            .add("n", DataTypes.TimestampNTZType)
            .add("s", DataTypes.StringType);

    @Test
    void everyIntervalExpressionIsGenerated() {
        String[] texts = {"ts + INTERVAL 1 DAY", "ts - INTERVAL '1-2' YEAR TO MONTH", "dt + INTERVAL 1 MONTH", "dt + INTERVAL 2 HOURS",
            "dt - dt", "ts - ts", "d * 2", "d / 3", "y * 1.5", "-y", "abs(d)", "d + INTERVAL '1' HOUR", "n + d", "n - n",
            "extract(HOUR FROM d)", "extract(SECOND FROM d)", "make_interval(1, 2)", "ts + make_interval(0, 1, 0, 1)",
            "make_dt_interval(1, 2, 3, 4.5)", "make_ym_interval(1, 2)", "CAST(d AS STRING)", "CAST(y AS STRING)",
            "CAST(s AS INTERVAL DAY TO SECOND)", "CAST(s AS INTERVAL YEAR TO MONTH)", "CAST(s AS INTERVAL)",
            "CAST(ts AS TIMESTAMP_NTZ)", "CAST(n AS TIMESTAMP)", "CAST(n AS DATE)", "CAST(n AS STRING)",
            "convert_timezone('UTC', 'Asia/Seoul', n)", "make_timestamp_ntz(2024, 1, 1, 0, 0, 1.5)", "to_timestamp_ntz(s, 'yyyy')",
            "localtimestamp()", "hour(n)", "TIMESTAMP '2024-01-01 00:00:00' + d", "TIMESTAMP_NTZ '2024-01-01 00:00:00'"};
        List<Expression> exprs = new ArrayList<>();
        for (String t : texts) {
            Expression e = Resolver.resolve(SqlExpressionParser.parseColumn(t).expr(), SCHEMA);
            exprs.add(e);
            assertNotNull(ChainCompiler.source(List.of(ChainStage.project(List.of(e))), SCHEMA.length()), t);
        }
        assertNotNull(ChainCompiler.source(List.of(ChainStage.project(exprs)), SCHEMA.length()));
        Expression filter = Resolver.resolve(SqlExpressionParser.parseColumn("ts - ts > INTERVAL '1' DAY").expr(), SCHEMA);
        assertNotNull(ChainCompiler.source(List.of(ChainStage.filter(filter)), SCHEMA.length()));
    }
}
