package io.tideway.sql.expressions;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.udf.JavaUdfCall;
import io.tideway.sql.Column;
import io.tideway.sql.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code functions.udf(UDFn, returnType)}: a Java UDF object with its declared result type,
 * Spark's {@code SparkUserDefinedFunction}. Applied to columns it becomes a {@link JavaUdfCall}.
 * Immutable: the {@code with}/{@code as} methods return a new function.
 */
public final class JavaUserDefinedFunction extends UserDefinedFunction {
    private final Object function;
    private final DataType returnType;

    private JavaUserDefinedFunction(Object function, DataType returnType, String name, boolean nullable,
                                    boolean deterministic) {
        super(name, nullable, deterministic);
        this.function = function;
        this.returnType = returnType;
    }

    /** The function {@code functions.udf} returns for {@code function}, a {@code UDF0} to {@code UDF22}. */
    public static UserDefinedFunction of(Object function, DataType returnType) {
        return new JavaUserDefinedFunction(function, returnType, null, true, true);
    }

    /** The name {@link #withName} gave; Spark's {@code UDF} without one. */
    @Override
    public String name() {
        return givenName != null ? givenName : "UDF";
    }

    @Override
    public Column apply(Column... exprs) {
        List<Expression> args = new ArrayList<>(exprs.length);
        for (Column c : exprs) {
            args.add(c.expr());
        }
        return new Column(new JavaUdfCall(function, returnType, args, givenName, nullable(), deterministic()));
    }

    /** How many arguments the function takes: n for a {@code UDFn}. */
    public int arity() {
        for (int n = 0; n <= 22; n++) {
            try {
                if (Class.forName("io.tideway.sql.api.java.UDF" + n).isInstance(function)) {
                    return n;
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("not a UDF0..UDF22: " + function.getClass().getName());
    }

    @Override
    UserDefinedFunction copy(String givenName, boolean nullable, boolean deterministic) {
        return new JavaUserDefinedFunction(function, returnType, givenName, nullable, deterministic);
    }
}
