package io.tideway.engine.expr;

import io.tideway.sql.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * A lambda ({@code (acc, x) -> acc + x}), an argument of a higher-order function, as Spark's
 * {@code LambdaFunction}: its body and its variables, printed
 * {@code lambdafunction(body, namedlambdavariable(), ...)}. Never evaluated on its own: the
 * higher-order function runs its body's code with the variables bound. Immutable.
 */
public final class LambdaFunction extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression body;
    private final List<LambdaVariable> variables;

    public LambdaFunction(Expression body, List<LambdaVariable> variables) {
        this.body = body;
        this.variables = List.copyOf(variables);
    }

    /**
     * The lambda whose body {@code build} makes from its variables' columns: where the SQL text
     * and the Java API meet ({@code x -> x + 1}, {@code functions.transform(a, x -> x.plus(1))}).
     */
    public static LambdaFunction of(List<String> names, java.util.function.Function<List<LambdaVariable>, Expression> build) {
        List<LambdaVariable> vars = new ArrayList<>();
        for (String n : names) {
            vars.add(LambdaVariable.named(n));
        }
        return new LambdaFunction(build.apply(vars), vars);
    }

    public Expression body() {
        return body;
    }

    public List<LambdaVariable> variables() {
        return variables;
    }

    /** This lambda with its variables typed (in order), the body reading the typed ones. */
    public LambdaFunction bind(List<DataType> types, List<Boolean> nullable) {
        List<LambdaVariable> typed = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            typed.add(variables.get(i).bound(types.get(i), nullable.get(i)));
        }
        Expression b = body.transformUp(x -> {
            if (x instanceof LambdaVariable v) {
                for (LambdaVariable t : typed) {
                    if (t.id() == v.id()) {
                        return t;
                    }
                }
            }
            return x;
        });
        return new LambdaFunction(b, typed);
    }

    @Override
    public List<Expression> children() {
        List<Expression> c = new ArrayList<>(variables.size() + 1);
        c.add(body);
        c.addAll(variables);
        return c;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        List<LambdaVariable> vars = new ArrayList<>();
        for (Expression e : c.subList(1, c.size())) {
            vars.add((LambdaVariable) e);
        }
        return new LambdaFunction(c.get(0), vars);
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("lambdafunction(").append(body.sql());
        for (LambdaVariable v : variables) {
            sb.append(", ").append(v.sql());
        }
        return sb.append(')').toString();
    }

    @Override
    public DataType dataType() {
        return body.dataType();
    }

    @Override
    public boolean nullable() {
        return body.nullable();
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException("a lambda function is evaluated by its higher-order function");
    }
}
