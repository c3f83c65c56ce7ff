package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Column;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.HashMap;
import java.util.Map;

import static conformance.cases.FnSupport.*;
import static io.tideway.sql.functions.*;

/** CSV functions: from_csv (schemas, options, modes), to_csv (options), schema_of_csv. */
public final class FnCsv {
    private FnCsv() {
    }

    private static Map<String, String> options(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Case
    public static void fromCsv(CaseContext ctx) {
        Dataset<Row> df = strings(ctx, "1,abc,2.5", "2,\"quoted, text\",", "x,y,z", "3", null, "", "4;d;1.0");
        Column schema = lit("a INT, b STRING, c DOUBLE");
        show(ctx, df, from_csv(col("s"), schema, options()),
                from_csv(col("s"), lit("a BIGINT"), options()),
                from_csv(col("s"), schema, options("sep", ";")),
                from_csv(col("s"), schema, options("mode", "FAILFAST")),
                from_csv(col("s"), lit("a INT, _corrupt_record STRING"), options()),
                from_csv(col("s"), schema_of_csv("1,abc,2.5"), options()));
        showExpr(ctx, df, "from_csv(s, 'a INT, b STRING')", "from_csv(s, 'a INT, b STRING').b",
                "from_csv(s, 'a STRING', map('sep', '|'))", "from_csv(s)", "from_csv(s, 'a ARRAY<INT>')");
        Dataset<Row> ts = strings(ctx, "2024-03-15 10:30:45,15/03/2024", "bad,bad");
        show(ctx, ts, from_csv(col("s"), lit("t TIMESTAMP, d DATE"), options("dateFormat", "dd/MM/yyyy")));
    }

    @Case
    public static void toCsv(CaseContext ctx) {
        Dataset<Row> df = table(ctx);
        show(ctx, df, to_csv(struct(col("i"), col("l"), col("d"), col("s"), col("b"))),
                to_csv(struct(col("ts"), col("dt"))),
                to_csv(struct(col("i"), col("s")), options("sep", "|", "nullValue", "NA")),
                to_csv(struct(col("ts")), options("timestampFormat", "yyyy/MM/dd HH:mm")),
                to_csv(struct(col("s"), lit("a,b"), lit("q\"uote"))));
        showExpr(ctx, df, "to_csv(named_struct('a', i, 'b', s))", "to_csv(i)", "to_csv(named_struct('a', array(1)))",
                "to_csv(NULL)");
    }

    @Case
    public static void schemaOfCsv(CaseContext ctx) {
        Dataset<Row> one = table(ctx).limit(1);
        show(ctx, one, schema_of_csv("1,abc,2.5,true,2024-01-01"), schema_of_csv(lit("a|b|3"), options("sep", "|")),
                schema_of_csv(lit("12345678901,0.1,")), schema_of_csv(col("s")));
        showExpr(ctx, one, "schema_of_csv('1,x')", "schema_of_csv(NULL)");
    }
}
