package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.AnalysisException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every function by Spark's name: the one place {@code functions.*}, {@code Column} methods,
 * {@code expr}, {@code selectExpr} and {@code sql()} turn a name and arguments into an expression.
 * Unknown names are Spark's {@code UNRESOLVED_ROUTINE}, a wrong argument count
 * {@code WRONG_NUM_ARGS}. Families register themselves in the static initializer; immutable after,
 * safe from any thread.
 */
public final class FunctionRegistry {
    /** Builds a call from its arguments, whose count the registry already checked. */
    @FunctionalInterface
    public interface Builder {
        Expression build(String name, List<Expression> args);
    }

    private record Entry(int minArgs, int maxArgs, Builder builder, FunctionSpec spec) {
    }

    /** The documentation root Spark 4.0 names in {@code WRONG_NUM_ARGS}. */
    private static final String DOC_ROOT = "https://spark.apache.org/docs/latest";
    private static final Map<String, Entry> ENTRIES = new HashMap<>();

    static {
        CoreFunctions.register();
        StringFunctions.register();
        ConditionalFunctions.register();
        PredicateFunctions.register();
        BitwiseFunctions.register();
        RegexpFunctions.register();
        CodecFunctions.register();
        TextFunctions.register();
        DateTimeFunctions.register();
        IntervalFunctions.register();
        TimestampNtzFunctions.register();
        MathFunctions.register();
        ArrayFunctions.register();
        ArraySetFunctions.register();
        MapFunctions.register();
        StructFunctions.register();
        JsonFunctions.register();
        VariantFunctions.register();
        SketchFunctions.register();
        AggregateFunctions.register();
        WindowFunctions.register();
        CsvFunctions.register();
        LambdaFunctions.register();
        MiscFunctions.register();
        XPathFunctions.register();
        CryptoFunctions.register();
        XmlFunctions.register();
        TextCheckFunctions.register();
        RandomTextFunctions.register();
        ReflectFunctions.register();
        GroupingFunctions.register();
        UdtFunctions.register();
    }

    private FunctionRegistry() {
    }

    /** Registers a {@link FunctionSpec} under its name and aliases. */
    static void add(FunctionSpec spec) {
        spec.check();
        Entry e = new Entry(spec.minArgs(), spec.maxArgs(), (name, args) -> ScalarFunction.withDefaults(spec, name, args), spec);
        put(spec.name(), e);
        for (String alias : spec.aliases()) {
            put(alias, e);
        }
    }

    /** Registers a function built by hand ({@code maxArgs} -1: any number). */
    static void add(String name, int minArgs, int maxArgs, Builder builder) {
        put(name, new Entry(minArgs, maxArgs, builder, null));
    }

    /**
     * Adds a form of {@code argCount} arguments, built by {@code builder}, to the function
     * {@code name} registered already ({@code array_sort(a)} and {@code array_sort(a, comparator)}).
     */
    static void overload(String name, int argCount, Builder builder) {
        Entry old = ENTRIES.get(name);
        Builder others = old.builder;
        ENTRIES.put(name, new Entry(Math.min(old.minArgs, argCount), Math.max(old.maxArgs, argCount),
                (n, args) -> args.size() == argCount ? builder.build(n, args) : others.build(n, args), old.spec));
    }

    private static void put(String name, Entry e) {
        if (ENTRIES.putIfAbsent(name, e) != null) {
            throw new IllegalStateException("function " + name + " is registered twice");
        }
    }

    /** Whether {@code name} is a function (any case): a built-in one or the active session's temporary one. */
    public static boolean exists(String name) {
        return ENTRIES.containsKey(name.toLowerCase(Locale.ROOT)) || TemporaryFunctions.lookup(name) != null;
    }

    /**
     * The call {@code name(args)} as SQL text and {@code call_function} name it: the active session's
     * temporary function of that name ({@link TemporaryFunctions}) if it registered one, which
     * shadows a built-in function as in Spark, else the built-in function.
     */
    public static Expression callByName(String name, List<Expression> args) {
        return TemporaryFunctions.lookup(name) != null ? TemporaryFunctions.call(name, args) : call(name, args);
    }

    /**
     * As {@link #callByName}, for the Java API's {@code call_function}: a refused call fails when a
     * Dataset analyses it.
     */
    public static Expression callByNameLater(String name, Expression... args) {
        try {
            return callByName(name, List.of(args));
        } catch (Exception e) { // AnalysisException is checked, raised unchecked
            return new FailedCall(name, List.of(args), e);
        }
    }

    /** The built-in call {@code name(args)}; errors take the origin current in {@link CurrentOrigin}. */
    public static Expression call(String name, List<Expression> args) {
        String key = name.toLowerCase(Locale.ROOT);
        Entry e = ENTRIES.get(key);
        if (e == null) {
            throw unresolved(name);
        }
        if (args.size() < e.minArgs || e.maxArgs >= 0 && args.size() > e.maxArgs) {
            throw wrongArgCount(key, e.minArgs, e.maxArgs, args.size());
        }
        return e.builder.build(key, args);
    }

    /**
     * The call {@code name(args)} as the Java API builds it: a refused call (wrong argument count)
     * fails when a Dataset analyses it, as Spark's unresolved functions do.
     */
    public static Expression callLater(String name, Expression... args) {
        try {
            return call(name, List.of(args));
        } catch (Exception e) { // AnalysisException is checked, raised unchecked
            return new FailedCall(name, List.of(args), e);
        }
    }

    /** The call {@code name(args)}. */
    public static Expression call(String name, Expression... args) {
        return call(name, List.of(args));
    }

    /** The spec behind {@code name}, for deserialization. */
    static FunctionSpec spec(String name) {
        Entry e = ENTRIES.get(name);
        return e == null ? null : e.spec;
    }

    /** Spark's {@code UNRESOLVED_ROUTINE} for {@code name}; declared to return so callers can write {@code throw}. */
    public static RuntimeException unresolved(String name) {
        throw Unchecked.raise(new AnalysisException("UNRESOLVED_ROUTINE", Map.of("routineName", ErrorParams.id(name),
                "searchPath", "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]"), CurrentOrigin.get()));
    }

    /** {@code WRONG_NUM_ARGS} as a function that checks its own count reports it, without a position ({@code map}). */
    static RuntimeException wrongArgCountUnpositioned(String name, String expected, int actual) {
        throw Unchecked.raise(new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName",
                ErrorParams.id(name), "expectedNum", expected, "actualNum", String.valueOf(actual), "docroot", DOC_ROOT), (io.tideway.engine.expr.Origin) null));
    }

    /** {@code WRONG_NUM_ARGS} with the count as Spark words it for a function that checks its own ({@code ceil}: "2"). */
    static RuntimeException wrongArgCount(String name, String expected, int actual) {
        throw Unchecked.raise(new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName",
                ErrorParams.id(name), "expectedNum", expected, "actualNum", String.valueOf(actual), "docroot", DOC_ROOT),
                CurrentOrigin.get()));
    }

    private static RuntimeException wrongArgCount(String name, int min, int max, int actual) {
        // Spark lists every count a function with a range takes: [2, 3], [0, 1, 2]
        StringBuilder counts = new StringBuilder("[");
        for (int n = min; n <= max; n++) {
            counts.append(n == min ? "" : ", ").append(n);
        }
        String expected = min == max ? String.valueOf(min) : max < 0 ? "> " + (min - 1) : counts.append(']').toString();
        // Spark's varargs functions (coalesce, greatest, concat_ws...) and parse_url check their count themselves,
        // and report no position
        boolean positioned = max >= 0 && !name.endsWith("parse_url");
        throw Unchecked.raise(new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName",
                ErrorParams.id(name), "expectedNum", expected, "actualNum", String.valueOf(actual), "docroot", DOC_ROOT),
                positioned ? CurrentOrigin.get() : null));
    }
}
