package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Coercible;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;

import java.util.List;

/**
 * {@code extract(field FROM source)} (and {@code date_part}) before its source is resolved: a
 * date or timestamp takes the calendar field functions, an interval Spark's
 * {@code ExtractANSIInterval*} expressions; {@link #coerceTypes()} picks once the source's type is
 * known. Immutable.
 */
final class ExtractField extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    /** The column name, with one {@code %s} for the source. */
    private final String shown;
    /** The field in upper case, and as written. */
    private final String field;
    private final String written;
    private final Expression source;

    ExtractField(String shown, String field, String written, Expression source) {
        this.shown = shown;
        this.field = field;
        this.written = written;
        this.source = source;
    }

    @Override
    public Expression coerceTypes() {
        Expression interval = IntervalFields.extract(shown, field, written, source);
        Expression chosen = interval != null ? interval : DateTimeFunctions.extractDatetime(shown, field, written, source);
        // built after the resolver coerced the tree: coerce what was just built (the source's casts are idempotent)
        return chosen.transformUp(n -> n instanceof Coercible c ? c.coerceTypes() : n);
    }

    @Override
    public List<Expression> children() {
        return List.of(source);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new ExtractField(shown, field, written, children.get(0));
    }

    @Override
    public String sql() {
        return String.format(shown, source.sql());
    }

    @Override
    public DataType dataType() {
        return coerceTypes().dataType();
    }

    @Override
    public boolean nullable() {
        return coerceTypes().nullable();
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        return ctx.gen(coerceTypes());
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return coerceTypes().evaluator(context);
    }
}
