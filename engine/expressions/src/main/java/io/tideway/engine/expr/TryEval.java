package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.NodeEvaluators;
import io.tideway.sql.types.DataType;

import java.util.List;

/**
 * Spark's {@code TryEval}, behind try_add, try_subtract, try_multiply, try_divide and try_mod:
 * its child's value, or null where the child fails (overflow, a zero divisor, a string that does
 * not cast), as Spark runs try_add and the others over a string or a date; over numbers they
 * are arithmetic in try mode ({@link BinaryArithmetic#inTryMode}). Immutable.
 */
public final class TryEval extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    /** The call's name ({@code try_add(a, b)}). */
    private final String sql;

    public TryEval(Expression child, String sql) {
        this.child = child;
        this.sql = sql;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new TryEval(c.get(0), sql);
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    /** The child's code inside {@code try}: a runtime error leaves the result null. */
    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue v = ctx.declare(dataType());
        ctx.open("try");
        ctx.assign(v, ctx.gen(child));
        ctx.then("catch (RuntimeException " + ctx.fresh("failed") + ")");
        ctx.line(v.isNull() + " = true;");
        ctx.close();
        return v;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return NodeEvaluators.compile(this, context);
    }
}
