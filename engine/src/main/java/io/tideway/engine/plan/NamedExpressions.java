package io.tideway.engine.plan;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.StringJoiner;

/** Names and schemas of projection lists. */
public final class NamedExpressions {
    private NamedExpressions() {
    }

    /** The column name an output expression produces. */
    public static String nameOf(Expression e) {
        if (e instanceof Alias a) {
            return a.name();
        }
        if (e instanceof BoundReference r) {
            return r.name();
        }
        if (e instanceof io.tideway.engine.expr.GetStructField f) {
            return f.name();
        }
        return e.sql();
    }

    public static StructType schemaOf(List<Expression> exprs) {
        StructField[] fields = new StructField[exprs.size()];
        for (int i = 0; i < fields.length; i++) {
            Expression e = exprs.get(i);
            fields[i] = new StructField(nameOf(e), e.dataType(), e.nullable(), metadataOf(e));
        }
        return new StructType(fields);
    }

    /** A column reference, aliased or not, keeps its field's metadata (as Spark's Alias does). */
    private static io.tideway.sql.types.Metadata metadataOf(Expression e) {
        if (e instanceof Alias a && a.explicitMetadata() != null) {
            return a.explicitMetadata(); // as(name, metadata): Spark's explicitMetadata replaces the child's
        }
        Expression inner = e instanceof Alias a ? a.child() : e;
        return inner instanceof BoundReference r ? r.metadata() : io.tideway.sql.types.Metadata.empty();
    }

    public static String listString(List<Expression> exprs) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (Expression e : exprs) {
            j.add(e instanceof Alias a ? a.child().sql() + " AS " + a.name() : e.sql());
        }
        return j.toString();
    }
}
