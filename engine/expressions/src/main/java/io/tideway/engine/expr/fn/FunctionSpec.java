package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One scalar function, defined once: its names, the types its arguments take (with Spark's
 * implicit casts, {@link InputType}), its result type and nullability, and its code. The code is
 * the only implementation: inlined into generated chains and compiled alone as the interpreted
 * evaluator ({@link ScalarFunction}). Most functions are Spark's null-intolerant kind (any null
 * argument gives null) and give {@link #code} only the non-null arguments; the others write their
 * whole code with {@link #customCode}. Built once at registration, then immutable.
 */
public final class FunctionSpec {
    private final String name;
    private final List<String> aliases = new ArrayList<>();
    private List<InputType> inputs = List.of();
    /** Inputs after the fixed ones repeat this type (varargs), or null. */
    private InputType repeated;
    private int minArgs = -1;
    /** Values of trailing inputs a call leaves out, which Spark shows in the column name. */
    private List<Object> defaults = List.of();
    private Function<List<DataType>, DataType> resultType;
    private Function<List<Expression>, DataType> argsResultType;
    private Predicate<ScalarFunction> nullable;
    /** Spark's {@code ExpectsInputTypes}: no implicit cast but of a NULL. */
    private boolean strict;
    private NullSafeCode code;
    private CustomCode customCode;
    /** Replaces the per-argument implicit casts: the coerced arguments of a call, or an analysis error. */
    private Coercion coercion;
    /** The column name, when it is not {@code name(args)}. */
    private Function<ScalarFunction, String> sql;

    private FunctionSpec(String name) {
        this.name = name;
    }

    /** A function registered under {@code name} and {@code aliases} (lower case). */
    public static FunctionSpec named(String name, String... aliases) {
        FunctionSpec f = new FunctionSpec(name);
        f.aliases.addAll(List.of(aliases));
        return f;
    }

    /** The arguments, one type each; the call takes exactly this many unless {@link #optional} says fewer. */
    public FunctionSpec inputs(InputType... types) {
        this.inputs = List.of(types);
        return this;
    }

    /** After the fixed inputs, any number of arguments of {@code type}. */
    public FunctionSpec repeated(InputType type) {
        this.repeated = type;
        return this;
    }

    /**
     * Arguments are taken only as they are (Spark's {@code ExpectsInputTypes}, e.g. {@code unix_seconds}):
     * another type is a mismatch, not a cast; only a NULL is cast.
     */
    public FunctionSpec strict() {
        this.strict = true;
        return this;
    }

    boolean isStrict() {
        return strict;
    }

    /** The call may leave out trailing inputs, down to {@code minArgs}. */
    public FunctionSpec optional(int minArgs) {
        this.minArgs = minArgs;
        return this;
    }

    /**
     * Trailing inputs a call may leave out, with the values Spark fills in (and shows in the
     * column name, e.g. {@code from_unixtime(l, yyyy-MM-dd HH:mm:ss)}).
     */
    public FunctionSpec defaults(Object... values) {
        this.defaults = java.util.Arrays.asList(values);
        this.minArgs = inputs.size() - values.length;
        return this;
    }

    /** The arguments with the defaults of those left out appended. */
    List<Expression> withDefaults(List<Expression> args) {
        int missing = inputs.size() - args.size();
        if (missing <= 0 || missing > defaults.size()) {
            return args;
        }
        List<Expression> all = new ArrayList<>(args);
        for (int i = defaults.size() - missing; i < defaults.size(); i++) {
            Object v = defaults.get(i);
            all.add(v instanceof Expression e ? e : io.tideway.engine.expr.Literal.of(v));
        }
        return all;
    }

    /** A fixed result type. */
    public FunctionSpec returns(DataType type) {
        this.resultType = types -> type;
        return this;
    }

    /** A result type computed from the (coerced) argument types. */
    public FunctionSpec returns(Function<List<DataType>, DataType> type) {
        this.resultType = type;
        return this;
    }

    /** A result type that depends on the (coerced) arguments themselves, e.g. on a foldable scale. */
    public FunctionSpec returnsFromArgs(Function<List<Expression>, DataType> type) {
        this.argsResultType = type;
        this.resultType = types -> null;
        return this;
    }

    /** Nullability other than "null if any argument may be null". */
    public FunctionSpec nullable(Predicate<ScalarFunction> nullable) {
        this.nullable = nullable;
        return this;
    }

    /**
     * Spark's {@code failOnError} functions (make_date, to_timestamp(s, fmt), ...): invalid input
     * fails under ANSI, so the call is null only of null arguments, and is null without ANSI.
     */
    public FunctionSpec nullWithoutAnsi() {
        this.nullable = call -> !call.ansi() || argsNullable(call);
        return this;
    }

    /** The code of a null-intolerant function: writes {@code out} from non-null arguments. */
    public FunctionSpec code(NullSafeCode code) {
        this.code = code;
        return this;
    }

    /** The whole code of a function that handles nulls itself (or evaluates arguments lazily). */
    public FunctionSpec customCode(CustomCode code) {
        this.customCode = code;
        return this;
    }

    /**
     * Argument coercion other than one {@link InputType} per argument, e.g. a common type of all
     * arguments (coalesce, greatest): returns the arguments with their casts.
     */
    public FunctionSpec coercion(Coercion coercion) {
        this.coercion = coercion;
        return this;
    }

    /** The call's column name, when Spark does not print it as {@code name(args)} ({@code (IF(b, 1, 2))}). */
    public FunctionSpec sql(Function<ScalarFunction, String> sql) {
        this.sql = sql;
        return this;
    }

    Coercion coercion() {
        return coercion;
    }

    Function<ScalarFunction, String> sql() {
        return sql;
    }

    public String name() {
        return name;
    }

    public List<String> aliases() {
        return aliases;
    }

    public int minArgs() {
        return minArgs >= 0 ? minArgs : inputs.size();
    }

    /** The most arguments a call takes, or -1 for any number. */
    public int maxArgs() {
        return repeated != null ? -1 : inputs.size();
    }

    /** The type argument {@code i} takes. */
    InputType input(int i) {
        return i < inputs.size() ? inputs.get(i) : repeated;
    }

    DataType resultType(List<DataType> argTypes, List<Expression> args) {
        return argsResultType != null ? argsResultType.apply(args) : resultType.apply(argTypes);
    }

    boolean nullable(ScalarFunction call) {
        return nullable != null ? nullable.test(call) : argsNullable(call);
    }

    private static boolean argsNullable(ScalarFunction call) {
        for (Expression a : call.children()) {
            if (a.nullable()) {
                return true;
            }
        }
        return false;
    }

    CodeValue genCode(CodegenContext ctx, ScalarFunction call) {
        if (customCode != null) {
            return customCode.emit(ctx, call);
        }
        return ctx.nullSafe(call.dataType(), call.children(), (out, args) -> code.emit(ctx, call, out, args));
    }

    /** Validates the definition at registration. */
    FunctionSpec check() {
        if (resultType == null || (code == null) == (customCode == null)) {
            throw new IllegalStateException("function " + name + " needs a result type and exactly one kind of code");
        }
        return this;
    }

    /** The arguments of {@code call} cast as the function takes them; throws Spark's analysis error if they cannot be. */
    @FunctionalInterface
    public interface Coercion {
        List<Expression> coerce(ScalarFunction call);
    }

    /** Code for the non-null case: {@code args} are the argument values, {@code out} the declared result. */
    @FunctionalInterface
    public interface NullSafeCode {
        void emit(CodegenContext ctx, ScalarFunction call, CodeValue out, CodeValue[] args);
    }

    /** The whole code of a call: runs the arguments it needs with {@code ctx.gen} and returns the result. */
    @FunctionalInterface
    public interface CustomCode {
        CodeValue emit(CodegenContext ctx, ScalarFunction call);
    }
}
