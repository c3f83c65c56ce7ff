package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Coercible;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.SessionConf;
import io.tideway.engine.expr.TypeCoercion;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.NodeEvaluators;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A call of a {@link FunctionSpec} function: {@code name(args...)}. Its type, nullability and
 * code come from the spec; its interpreted evaluator is its code compiled alone
 * ({@link NodeEvaluators}). Immutable.
 */
public final class ScalarFunction extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final transient FunctionSpec spec;
    /** The name the user called it by (an alias keeps its own name in the column name, as in Spark). */
    private final String name;
    private final List<Expression> args;
    /** The building session's {@code spark.sql.ansi.enabled} ({@link SessionConf}), for nullability that depends on it. */
    private final boolean ansi;
    /** How many of {@link #args} the caller wrote; the rest are the spec's defaults (Spark's unresolved call shows only these). */
    private final int written;

    ScalarFunction(FunctionSpec spec, String name, List<Expression> args) {
        this(spec, name, args, SessionConf.ansi(), args.size());
    }

    /** A call of {@code written} arguments followed by the defaults of those it left out. */
    static ScalarFunction withDefaults(FunctionSpec spec, String name, List<Expression> written) {
        return new ScalarFunction(spec, name, spec.withDefaults(written), SessionConf.ansi(), written.size());
    }

    private ScalarFunction(FunctionSpec spec, String name, List<Expression> args, boolean ansi, int written) {
        this.spec = spec;
        this.name = name;
        this.args = List.copyOf(args);
        this.ansi = ansi;
        this.written = Math.min(written, this.args.size());
    }

    /** The arguments as the caller wrote them, without the defaults filled in. */
    public List<Expression> writtenArgs() {
        return args.subList(0, written);
    }

    /**
     * Whether the session that built this call had ANSI on: Spark's {@code failOnError} (a
     * function that fails on bad input under ANSI returns null, so is nullable, without it).
     */
    public boolean ansi() {
        return ansi;
    }

    public String name() {
        return name;
    }

    FunctionSpec spec() {
        return spec;
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new ScalarFunction(spec, name, children, ansi, written);
    }

    @Override
    public String sql() {
        if (spec.sql() != null) {
            return spec.sql().apply(this);
        }
        return callSql();
    }

    /** {@code name(arg, ...)}. */
    public String callSql() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(args.get(i).sql());
        }
        return sb.append(')').toString();
    }

    @Override
    public DataType dataType() {
        List<DataType> types = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            DataType t = args.get(i).dataType();
            InputType expected = spec.input(i);
            if (expected != null && !expected.accepts(t)) {
                throw unexpectedTypeError(i, expected, t);
            }
            types.add(t);
        }
        return spec.resultType(types, args);
    }

    @Override
    public boolean nullable() {
        return spec.nullable(this);
    }

    /** Casts each argument to the type its input takes, as Spark's {@code ImplicitTypeCasts} rule does. */
    @Override
    public Expression coerceTypes() {
        if (spec.coercion() != null) {
            List<Expression> coerced = spec.coercion().coerce(this);
            return coerced.equals(args) ? this : new ScalarFunction(spec, name, coerced, ansi, written);
        }
        List<Expression> cast = new ArrayList<>(args.size());
        boolean changed = false;
        for (int i = 0; i < args.size(); i++) {
            Expression a = args.get(i);
            DataType t = a.dataType();
            InputType expected = spec.input(i);
            if (!expected.accepts(t)) {
                DataType to = spec.isStrict() && t != DataTypes.NullType ? null : expected.implicitCast(t);
                if (to == null) {
                    throw unexpectedTypeError(i, expected, t);
                }
                a = TypeCoercion.castIfNeeded(a, to);
                changed = true;
            }
            cast.add(a);
        }
        return changed ? new ScalarFunction(spec, name, cast, ansi, written) : this;
    }

    /** Spark's {@code UNEXPECTED_INPUT_TYPE} for argument {@code i}; declared to return so callers can write {@code throw}. */
    public RuntimeException unexpectedType(int i, InputType expected, DataType actual) {
        return unexpectedTypeError(i, expected, actual);
    }

    private RuntimeException unexpectedTypeError(int i, InputType expected, DataType actual) {
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(i), "requiredType", expected.sql(),
                "inputSql", ErrorParams.expr(args.get(i).sql()), "inputType", ErrorParams.type(actual)), sqlOrigin()));
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        return spec.genCode(ctx, this);
    }

    /** A deserialized call finds its spec again by name. */
    private Object readResolve() {
        return new ScalarFunction(FunctionRegistry.spec(name), name, args, ansi, written);
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return NodeEvaluators.compile(this, context);
    }
}
