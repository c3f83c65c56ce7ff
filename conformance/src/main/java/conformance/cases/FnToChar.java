package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static conformance.cases.FnSupport.table;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.to_char;
import static io.tideway.sql.functions.to_varchar;

/** to_char / to_varchar: Spark's number formats (digits, point, grouping, signs, brackets, overflow) and datetimes. */
public final class FnToChar {
    private FnToChar() {
    }

    private static Dataset<Row> numbers(CaseContext ctx) {
        StructType schema = new StructType().add("n", DataTypes.IntegerType).add("x", DataTypes.createDecimalType(10, 3))
                .add("d", DataTypes.DoubleType);
        return table(ctx, schema,
                new Object[] {0, new java.math.BigDecimal("0.000"), 0.0},
                new Object[] {7, new java.math.BigDecimal("12.500"), 0.125},
                new Object[] {-42, new java.math.BigDecimal("-1234.567"), -3.75},
                new Object[] {12345, new java.math.BigDecimal("0.050"), 99.5},
                new Object[] {null, null, null});
    }

    @Case
    public static void numberFormats(CaseContext ctx) {
        Dataset<Row> t = numbers(ctx);
        showExpr(ctx, t, "to_char(n, '99999')", "to_char(n, '00000')", "to_char(n, 'S9999')", "to_char(n, '9999S')",
                "to_char(n, '9999MI')", "to_char(n, '9999PR')", "to_char(n, '$99,999')", "to_char(n, '99G999')",
                "to_char(n, '99')", "to_char(n, '0999')", "to_char(x, '9999.999')", "to_char(x, '0000.000')",
                "to_char(x, 'S9,999.99')", "to_char(x, '9999D9')", "to_char(x, '.999')", "to_char(x, '99.999PR')",
                "to_char(x, '$9999.99MI')", "to_char(d, '99.999')", "to_char(d, '0.0')", "to_varchar(d, '999.9S')");
    }

    @Case
    public static void javaFunctionsAndDatetimes(CaseContext ctx) {
        Dataset<Row> t = numbers(ctx);
        show(ctx, t, to_char(col("n"), lit("9,999")), to_varchar(col("x"), lit("0000.0")),
                to_char(lit(new java.math.BigDecimal("-0.5")), lit("9.9MI")));
        showExpr(ctx, t, "to_char(DATE'2024-03-05', 'yyyy-MM-dd EEE')", "to_char(TIMESTAMP'2024-03-05 10:30:45', 'HH:mm')",
                "to_varchar(DATE'2024-03-05', 'dd/MM')", "to_char(CAST(NULL AS INT), '999')", "to_char(n)",
                "to_char(true, '9')");
    }
}
