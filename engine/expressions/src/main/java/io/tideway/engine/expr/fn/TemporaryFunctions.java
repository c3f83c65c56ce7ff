package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;

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
    /** A registered function: the count of arguments it takes (-1: any) and how a call of it is built. */
    private record Entry(int arity, FunctionRegistry.Builder builder) {
    }

    private static final ThreadLocal<TemporaryFunctions> ACTIVE = new ThreadLocal<>();
    private final Map<String, Entry> functions = new ConcurrentHashMap<>();

    /**
     * Adds the function {@code builder} builds calls of under {@code name}, taking {@code arity}
     * arguments (-1: any number), replacing a function of that name (Spark's
     * {@code createOrReplaceTempFunction}).
     */
    public void register(String name, int arity, FunctionRegistry.Builder builder) {
        functions.put(name.toLowerCase(Locale.ROOT), new Entry(arity, builder));
    }

    /** The names registered, in lower case. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(functions.keySet());
    }

    /** Makes {@code session} the calling thread's temporary functions. */
    public static void activate(TemporaryFunctions session) {
        ACTIVE.set(session);
    }

    /** Whether the active session has a function {@code name}. */
    static boolean exists(String name) {
        return lookup(name) != null;
    }

    private static Entry lookup(String name) {
        TemporaryFunctions session = ACTIVE.get();
        return session == null ? null : session.functions.get(name.toLowerCase(Locale.ROOT));
    }

    /** The call of the active session's function {@code name} (which must exist) on {@code args}. */
    static Expression call(String name, List<Expression> args) {
        Entry f = lookup(name);
        // Spark's registered builder checks the count of a Java UDF's arguments
        if (f.arity() >= 0 && f.arity() != args.size()) {
            throw FunctionRegistry.wrongArgCount(name, String.valueOf(f.arity()), args.size());
        }
        return f.builder().build(name, args);
    }
}
