package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.Column;
import io.tideway.sql.expressions.UserDefinedFunction;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session's temporary functions, the ones {@code session.udf().register} adds: Spark's
 * {@code system.session} functions, which SQL text ({@code expr}, {@code selectExpr}, {@code sql})
 * and {@code call_function} find by name (any case) after the built-in functions. A thread resolves
 * names against the session it made a Dataset of last ({@link #activate}), as it reads that
 * session's settings ({@code SessionConf}). Thread-safe: registering and looking up may happen on
 * any thread.
 */
public final class TemporaryFunctions {
    private static final ThreadLocal<TemporaryFunctions> ACTIVE = new ThreadLocal<>();
    private final Map<String, UserDefinedFunction> functions = new ConcurrentHashMap<>();

    /** Adds {@code function} under {@code name}, replacing a function of that name (Spark's {@code createOrReplaceTempFunction}). */
    public void register(String name, UserDefinedFunction function) {
        functions.put(name.toLowerCase(Locale.ROOT), function);
    }

    /** The names registered, in lower case. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(functions.keySet());
    }

    /** Makes {@code session} the calling thread's temporary functions. */
    public static void activate(TemporaryFunctions session) {
        ACTIVE.set(session);
    }

    /** The active session's function {@code name}, or null. */
    static UserDefinedFunction lookup(String name) {
        TemporaryFunctions session = ACTIVE.get();
        return session == null ? null : session.functions.get(name.toLowerCase(Locale.ROOT));
    }

    /** The call of the active session's function {@code name} (which must exist) on {@code args}. */
    static Expression call(String name, List<Expression> args) {
        UserDefinedFunction f = lookup(name);
        // Spark's registered builder checks the count of a Java UDF's arguments
        if (f instanceof io.tideway.sql.expressions.JavaUserDefinedFunction j && j.arity() != args.size()) {
            throw FunctionRegistry.wrongArgCount(name, String.valueOf(j.arity()), args.size());
        }
        Column[] cols = new Column[args.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new Column(args.get(i));
        }
        return f.apply(cols).expr();
    }
}
