package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/** reflect, java_method and try_reflect: static JDK methods by name, argument types, failures and analysis errors. */
public final class FnReflect {
    private FnReflect() {
    }

    @Case
    public static void reflectCalls(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, reflect(lit("java.lang.Math"), lit("abs"), col("i")), java_method(lit("java.lang.String"), lit("valueOf"),
                        col("d")), try_reflect(lit("java.lang.Integer"), lit("parseInt"), col("s")),
                reflect(lit("java.lang.Long"), lit("toHexString"), col("l")));
        showExpr(ctx, df, "reflect('java.lang.Math', 'max', i, 3)", "java_method('java.lang.String', 'valueOf', b)",
                "reflect('java.lang.Integer', 'parseInt', s)", "try_reflect('java.lang.Integer', 'parseInt', s)",
                "reflect('java.lang.String', 'valueOf', CAST(i AS TINYINT))", "reflect('java.lang.Math', 'abs', CAST(d AS FLOAT))",
                "reflect('java.util.Objects', 'toString', s, 'dflt')", "reflect('java.lang.Boolean', 'parseBoolean', 'TRUE')");
    }

    @Case
    public static void reflectErrors(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        showExpr(ctx, df, "reflect('java.lang.Math')", "reflect(s, 'abs', i)", "reflect('java.lang.Math', s, i)",
                "reflect('java.lang.Math', 'abs', ts)", "reflect('no.such.Clazz', 'f')", "reflect('java.lang.Math', 'nope', i)",
                "reflect('java.lang.Math', 'abs', 'x')", "try_reflect('java.lang.Math', 'nope')", "reflect(1, 'abs')");
    }
}
