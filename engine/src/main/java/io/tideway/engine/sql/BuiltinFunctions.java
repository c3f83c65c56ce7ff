package io.tideway.engine.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Literal;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.functions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions {@code expr()} can call, by Spark's names, each mapped onto the builder in
 * {@link functions}; any other name is Spark's {@code UNRESOLVED_ROUTINE}. Add a function here
 * once the engine has an expression for it. Stateless apart from its translator.
 */
final class BuiltinFunctions {
    /** SQL's parenthesis-free "current" names that Calcite reads as identifiers; none is supported yet. */
    static final Set<String> NILADIC_UNSUPPORTED = Set.of("CURRENT_DATE", "CURRENT_TIME", "LOCALTIME",
            "LOCALTIMESTAMP", "CURRENT_USER", "SESSION_USER", "USER", "SYSTEM_USER");

    /** Every name {@link #apply} knows, lower case. */
    static final Set<String> NAMES = Set.of("split", "explode", "count", "sum", "avg", "mean", "min", "max", "mod",
            "current_timestamp");

    /** The documentation root Spark 4.0 names in {@code WRONG_NUM_ARGS}. */
    private static final String DOC_ROOT = "https://spark.apache.org/docs/latest";

    private final SqlNodeTranslator translator;

    BuiltinFunctions(SqlNodeTranslator translator) {
        this.translator = translator;
    }

    Column apply(String name, List<Column> args) {
        String fn = name.toLowerCase(Locale.ROOT);
        switch (fn) {
            case "split":
                arity(fn, args, 2, 3);
                return functions.split(args.get(0), stringConstant(fn, args.get(1)),
                        args.size() == 3 ? intConstant(fn, args.get(2)) : -1);
            case "explode":
                return functions.explode(one(fn, args));
            case "count":
                return functions.count(one(fn, args));
            case "sum":
                return functions.sum(one(fn, args));
            case "avg":
            case "mean":
                return functions.avg(one(fn, args));
            case "min":
                return functions.min(one(fn, args));
            case "max":
                return functions.max(one(fn, args));
            case "mod":
                arity(fn, args, 2, 2);
                // Spark names the SQL function's column mod(i, 2), the operator's (i % 2)
                return new Column(((io.tideway.engine.expr.BinaryArithmetic) args.get(0).mod(args.get(1)).expr()).asFunction("mod"));
            case "current_timestamp":
                arity(fn, args, 0, 0);
                return functions.current_timestamp();
            default:
                throw unresolved(name);
        }
    }

    /**
     * Throws Spark's {@code UNRESOLVED_ROUTINE} for the call being translated (its origin is
     * current); declared to return so callers can write {@code throw}.
     */
    static RuntimeException unresolved(String name) {
        throw Unchecked.raise(new AnalysisException("UNRESOLVED_ROUTINE", Map.of("routineName", ErrorParams.id(name),
                "searchPath", "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]"), CurrentOrigin.get()));
    }

    private static Column one(String fn, List<Column> args) {
        arity(fn, args, 1, 1);
        return args.get(0);
    }

    private static void arity(String fn, List<Column> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? String.valueOf(min) : "[" + min + ", " + max + "]";
            throw Unchecked.raise(new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", Map.of("functionName",
                    ErrorParams.id(fn), "expectedNum", expected, "actualNum", String.valueOf(args.size()), "docroot", DOC_ROOT),
                    CurrentOrigin.get())); // the call being translated
        }
    }

    private String stringConstant(String fn, Column c) {
        if (c.expr() instanceof Literal l && l.value() instanceof String s) {
            return s;
        }
        throw translator.invalid("The `" + fn + "` pattern must be a string literal, not " + c);
    }

    private int intConstant(String fn, Column c) {
        if (c.expr() instanceof Literal l && l.value() instanceof Integer i) {
            return i;
        }
        throw translator.invalid("The `" + fn + "` limit must be an integer literal, not " + c);
    }
}
