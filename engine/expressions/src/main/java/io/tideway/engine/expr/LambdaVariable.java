package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An argument of a {@link LambdaFunction} ({@code x} in {@code x -> x + 1}), as Spark's
 * {@code NamedLambdaVariable}: printed {@code namedlambdavariable()} in column names, identified by
 * an id unique in the JVM (so nested lambdas' variables never clash, whatever their names). Its type
 * is unknown until the higher-order function holding the lambda binds it from its arguments'
 * types. Its value comes from the function's code, which binds the id in the
 * {@link CodegenContext} around the lambda's body. Immutable.
 */
public final class LambdaVariable extends LeafExpression {
    private static final long serialVersionUID = 1L;
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private final String name;
    private final long id;
    private final DataType type;
    private final boolean nullable;

    private LambdaVariable(String name, long id, DataType type, boolean nullable) {
        this.name = name;
        this.id = id;
        this.type = type;
        this.nullable = nullable;
    }

    /** A new, untyped variable called {@code name}. */
    public static LambdaVariable named(String name) {
        return new LambdaVariable(name, NEXT_ID.incrementAndGet(), null, true);
    }

    /** This variable, typed: the value a higher-order function gives it. */
    public LambdaVariable bound(DataType t, boolean canBeNull) {
        return new LambdaVariable(name, id, t, canBeNull);
    }

    public String name() {
        return name;
    }

    public long id() {
        return id;
    }

    @Override
    public String sql() {
        return type == null ? name : "namedlambdavariable()"; // Spark prints an unbound variable by its name
    }

    @Override
    public DataType dataType() {
        if (type == null) {
            throw new IllegalStateException("lambda variable " + name + " is not bound to a higher-order function");
        }
        return type;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public boolean resolved() {
        return type != null;
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        return ctx.lambdaValue(id);
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException("lambda variable " + name + " is evaluated by its higher-order function");
    }
}
