package io.tideway.sql;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.fn.TemporaryFunctions;
import io.tideway.sql.expressions.JavaUserDefinedFunction;
import io.tideway.sql.expressions.UserDefinedFunction;
import io.tideway.sql.types.DataType;

import java.util.List;

/**
 * {@code session.udf()}: registers user-defined functions as the session's temporary functions,
 * callable by name in SQL text ({@code expr}, {@code selectExpr}, {@code sql}) and through
 * {@code functions.call_function}, as Spark's {@code UDFRegistration}. A registered function
 * replaces an earlier one of the same name; built-in functions keep their names. Thread-safe.
 */
public final class UDFRegistration {
    private final TemporaryFunctions functions;

    /** The registration of the session whose temporary functions are {@code functions} (engine-internal). */
    public UDFRegistration(TemporaryFunctions functions) {
        this.functions = functions;
    }

    /**
     * Registers {@code udf} under {@code name}, named so ({@code withName(name)}): its columns
     * print as {@code name(args)}. Returns the function registered.
     */
    public UserDefinedFunction register(String name, UserDefinedFunction udf) {
        UserDefinedFunction named = udf.withName(name);
        // Spark's registered builder checks the count of a Java UDF's arguments
        int arity = named instanceof JavaUserDefinedFunction j ? j.arity() : -1;
        functions.register(name, arity, (n, args) -> named.apply(columns(args)).expr());
        TemporaryFunctions.activate(functions);
        return named;
    }

    /** Registers a Java UDF of 0 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF0<?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 1 argument returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF1<?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 2 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF2<?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 3 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF3<?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 4 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF4<?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 5 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF5<?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 6 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF6<?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 7 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF7<?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 8 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF8<?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 9 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF9<?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 10 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF10<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 11 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF11<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 12 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF12<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 13 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF13<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 14 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF14<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 15 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF15<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 16 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF16<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 17 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF17<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 18 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF18<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 19 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF19<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 20 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF20<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 21 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF21<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /** Registers a Java UDF of 22 arguments returning {@code returnType} under {@code name}. */
    public void register(String name, io.tideway.sql.api.java.UDF22<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, DataType returnType) {
        register(name, JavaUserDefinedFunction.of(f, returnType));
    }

    /**
     * Registers the Java UDF class {@code className} (one of {@code UDF0}..{@code UDF22}, with a
     * public no-argument constructor) under {@code name}, as Spark's {@code registerJava};
     * {@code returnDataType} null infers it from the class's declared result type.
     */
    public void registerJava(String name, String className, DataType returnDataType) {
        JavaUdfClass.register(this, name, className, returnDataType);
    }

    private static Column[] columns(List<Expression> args) {
        Column[] cols = new Column[args.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new Column(args.get(i));
        }
        return cols;
    }
}
