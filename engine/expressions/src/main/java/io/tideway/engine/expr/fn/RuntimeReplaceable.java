package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;

import java.util.List;

/**
 * A function Spark defines as another expression (its {@code RuntimeReplaceable}), such as
 * {@code to_timestamp(s)} = {@code CAST(s AS TIMESTAMP)}: it runs its replacement and keeps the
 * name the user wrote, {@code name(args)}, for the column. Immutable.
 */
public final class RuntimeReplaceable extends Expression {
    private static final long serialVersionUID = 1L;
    /** {@code name(args)}, or a display format with one {@code %s} per shown argument (e.g. {@code extract(YEAR FROM %s)}). */
    private final String name;
    private final boolean isFormat;
    private final List<Expression> shownArgs;
    private final Expression replacement;

    RuntimeReplaceable(String name, List<Expression> shownArgs, Expression replacement) {
        this(name, false, shownArgs, replacement);
    }

    private RuntimeReplaceable(String name, boolean isFormat, List<Expression> shownArgs, Expression replacement) {
        this.name = name;
        this.isFormat = isFormat;
        this.shownArgs = List.copyOf(shownArgs);
        this.replacement = replacement;
    }

    @Override
    public List<Expression> children() {
        return List.of(replacement);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new RuntimeReplaceable(name, isFormat, shownArgs, children.get(0));
    }

    /** A replacement shown with {@code format}, one {@code %s} per argument's SQL. */
    static RuntimeReplaceable formatted(String format, List<Expression> shownArgs, Expression replacement) {
        return new RuntimeReplaceable(format, true, shownArgs, replacement);
    }

    @Override
    public String sql() {
        if (isFormat) {
            Object[] sqls = new Object[shownArgs.size()];
            for (int i = 0; i < sqls.length; i++) {
                sqls[i] = shownArgs.get(i).sql();
            }
            return String.format(name, sqls);
        }
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < shownArgs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(shownArgs.get(i).sql());
        }
        return sb.append(')').toString();
    }

    @Override
    public DataType dataType() {
        return replacement.dataType();
    }

    @Override
    public boolean nullable() {
        return replacement.nullable();
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        return ctx.gen(replacement);
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return replacement.evaluator(context);
    }
}
