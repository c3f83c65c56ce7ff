package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;

import static conformance.cases.FnSupport.show;
import static conformance.cases.FnSupport.showExpr;
import static io.tideway.sql.functions.*;

/** to_variant_object: structs (and maps, arrays of them) as VARIANT objects. */
public final class FnMisc2Variant {
    private FnMisc2Variant() {
    }

    @Case
    public static void structsAsObjects(CaseContext ctx) {
        Dataset<Row> t = FnSupport.table(ctx);
        show(ctx, t, to_variant_object(struct(col("i"), col("s"))), to_variant_object(struct(col("d"), col("b"), col("dt"))));
        showExpr(ctx, t, "to_variant_object(named_struct('a', i, 'b', s))", "to_json(to_variant_object(named_struct('a', i, 'b', s)))",
                "schema_of_variant(to_variant_object(named_struct('a', i, 'b', array(l, 2L))))",
                "to_variant_object(map('k', i))", "to_variant_object(array(named_struct('x', i)))",
                "to_json(to_variant_object(array(named_struct('x', i))))", "to_variant_object(i)", "to_variant_object(array(i))",
                "typeof(to_variant_object(named_struct('a', 1)))", "to_variant_object(CAST(NULL AS STRUCT<a: INT>))",
                "variant_get(to_variant_object(named_struct('a', i, 'ts', ts)), '$.ts', 'string')");
    }
}
