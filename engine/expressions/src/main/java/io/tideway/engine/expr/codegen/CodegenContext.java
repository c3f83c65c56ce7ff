package io.tideway.engine.expr.codegen;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue.Kind;
import io.tideway.sql.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an expression writes its Java code: {@link Expression#genCode} appends statements here
 * that compute its value into fresh local variables, asking for its children's code with
 * {@link #gen} at the point it needs them (so a branch or a short circuit runs a child only when
 * Spark would). The same code serves both ways an expression runs: inlined into a fused chain
 * ({@link ChainExpressionCodegen}, continuous mode's hot path) and compiled on its own into an
 * interpreted {@code Evaluator} ({@link NodeEvaluators}), so each expression's meaning is written
 * once. Constants (buffers, patterns, zones) become fields of the generated class, so the source
 * text does not depend on literal values and one compiled class serves every query. Used by one
 * thread while generating.
 */
public abstract class CodegenContext {
    private final StringBuilder code;
    private final List<Object> constants = new ArrayList<>();
    private final List<String> constantTypes = new ArrayList<>();
    private final EvalContext evalContext;
    private int nextVar;
    private int indent = 2;
    /** The values of the lambda variables in scope, by variable id: set by a higher-order function around its lambda's code. */
    private final java.util.Map<Long, CodeValue> lambdaValues = new java.util.HashMap<>();

    protected CodegenContext(StringBuilder code, EvalContext evalContext) {
        this.code = code;
        this.evalContext = evalContext;
    }

    /** The code computing {@code e}, appended at the current position; its value's variables. */
    public abstract CodeValue gen(Expression e);

    /** The value of column {@code ordinal} of the row being evaluated, read as {@code type}. */
    public abstract CodeValue column(int ordinal, DataType type);

    /** From here on, lambda variable {@code id} reads {@code value} (a higher-order function's element, index or accumulator). */
    public void bindLambda(long id, CodeValue value) {
        lambdaValues.put(id, value);
    }

    /** The value lambda variable {@code id} is bound to; a variable outside its function has no code. */
    public CodeValue lambdaValue(long id) {
        CodeValue v = lambdaValues.get(id);
        if (v == null) {
            throw new UnsupportedExpression("lambda variable " + id + " outside its function");
        }
        return v;
    }

    /** Whether the query evaluates with ANSI rules; generated code takes it as a literal, so the JIT folds it. */
    public boolean ansi() {
        return evalContext.ansi();
    }

    /** The query's evaluation settings (time zone, ANSI). */
    public EvalContext evalContext() {
        return evalContext;
    }

    /** Declares the variables of a new value of {@code type}, initialised to null. */
    public CodeValue declare(DataType type) {
        Kind k = CodeValue.kindOf(type);
        if (k == null) {
            throw new UnsupportedExpression(type.simpleString());
        }
        int n = nextVar++;
        CodeValue v = switch (k) {
            case LONG -> new CodeValue(type, k, "n" + n, "l" + n, null, null);
            case DOUBLE -> new CodeValue(type, k, "n" + n, "d" + n, null, null);
            case BYTES -> new CodeValue(type, k, "n" + n, "b" + n, "o" + n, "s" + n);
            case DECIMAL -> new CodeValue(type, k, "n" + n, "m" + n, null, null);
        };
        line("boolean " + v.isNull() + " = true;");
        switch (k) {
            case LONG -> line("long " + v.value() + " = 0L;");
            case DOUBLE -> line("double " + v.value() + " = 0.0;");
            case BYTES -> line("org.agrona.DirectBuffer " + v.value() + " = null; int " + v.offset() + " = 0; int "
                    + v.length() + " = 0;");
            case DECIMAL -> line("java.math.BigDecimal " + v.value() + " = null;");
        }
        return v;
    }

    /** A fresh local variable name. */
    public String fresh(String prefix) {
        return prefix + (nextVar++);
    }

    /** Appends one statement at the current indentation. */
    public void line(String statement) {
        code.append("    ".repeat(indent)).append(statement).append('\n');
    }

    /** Opens a block: <code>if (condition) {</code>; close it with {@link #close}. */
    public void open(String head) {
        line(head + " {");
        indent++;
    }

    /** Closes the innermost block and opens {@code } else {}. */
    public void orElse() {
        indent--;
        line("} else {");
        indent++;
    }

    /** Closes the innermost block and opens the next part of the statement: {@code } head {}, e.g. a {@code catch}. */
    public void then(String head) {
        indent--;
        line("} " + head + " {");
        indent++;
    }

    public void close() {
        indent--;
        line("}");
    }

    /**
     * A field of the generated class holding {@code value}, typed {@code javaType} (a fully
     * qualified name); returns the field's name. Each call makes a new field: a call site's own
     * scratch buffer or pattern.
     */
    public String constant(Object value, String javaType) {
        constants.add(value);
        constantTypes.add(javaType);
        return "k" + (constants.size() - 1);
    }

    /**
     * A fresh output buffer for a function returning bytes; the function writes its result there
     * and the value points into it until the next row.
     */
    public String scratch() {
        return constant(new io.tideway.engine.expr.BytesOut(), io.tideway.engine.expr.BytesOut.class.getName());
    }

    /** The constants, in field order ({@code k0, k1, ...}). */
    public List<Object> constants() {
        return List.copyOf(constants);
    }

    /** The field declarations of the constants. */
    public String constantFields() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < constantTypes.size(); k++) {
            sb.append("    private final ").append(constantTypes.get(k)).append(" k").append(k).append(";\n");
        }
        return sb.toString();
    }

    /** Constructor statements assigning the constants from {@code Object[] array}. */
    public String constantAssignments(String array) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < constantTypes.size(); k++) {
            sb.append("        k").append(k).append(" = (").append(constantTypes.get(k)).append(") ").append(array)
                    .append('[').append(k).append("];\n");
        }
        return sb.toString();
    }

    /** Copies a value into another of the same kind. */
    public void assign(CodeValue to, CodeValue from) {
        line(to.isNull() + " = " + from.isNull() + ";");
        line(to.value() + " = " + from.value() + ";");
        if (to.kind() == Kind.BYTES) {
            line(to.offset() + " = " + from.offset() + "; " + to.length() + " = " + from.length() + ";");
        }
    }

    /**
     * The usual shape of a function, Spark's null-intolerant expression: the arguments are
     * computed in order, each only if those before it were not null, and {@code body} runs only
     * when all are non-null, with the result declared non-null; it may set the result null
     * itself. Returns the result.
     */
    public CodeValue nullSafe(DataType resultType, List<Expression> args, NullSafeBody body) {
        CodeValue out = declare(resultType);
        CodeValue[] values = new CodeValue[args.size()];
        nullSafeFrom(0, args, values, out, body);
        return out;
    }

    private void nullSafeFrom(int i, List<Expression> args, CodeValue[] values, CodeValue out, NullSafeBody body) {
        if (i == args.size()) {
            line(out.isNull() + " = false;");
            body.emit(out, values);
            return;
        }
        values[i] = gen(args.get(i));
        open("if (!" + values[i].isNull() + ")");
        nullSafeFrom(i + 1, args, values, out, body);
        close();
    }

    /**
     * Assigns {@code out} from a Java expression: a primitive for a LONG or DOUBLE value; for a
     * BYTES value, a call returning the result's length in {@code scratch} (a {@link #scratch()}
     * field), or -1 for null.
     */
    public void set(CodeValue out, String javaExpression, String scratch) {
        if (out.kind() != Kind.BYTES) {
            set(out, javaExpression);
            return;
        }
        line(out.length() + " = " + javaExpression + ";");
        line(out.isNull() + " = " + out.length() + " < 0;");
        line(out.value() + " = " + scratch + ".buffer(); " + out.offset() + " = 0;");
    }

    /** Assigns a LONG or DOUBLE {@code out} from a Java expression. */
    public void set(CodeValue out, String javaExpression) {
        if (out.kind() == Kind.BYTES) {
            throw new IllegalArgumentException("a bytes value needs its scratch buffer");
        }
        line(out.value() + " = " + javaExpression + ";");
    }

    /** The body of {@link #nullSafe}: writes the result into {@code out} from the non-null {@code args}. */
    @FunctionalInterface
    public interface NullSafeBody {
        void emit(CodeValue out, CodeValue[] args);
    }

    /** Helper for templates: the arguments of a static call taking a value (three for BYTES). */
    public static String args(CodeValue... values) {
        StringBuilder sb = new StringBuilder();
        for (CodeValue v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v.kind() == Kind.BYTES ? v.value() + ", " + v.offset() + ", " + v.length() : v.value());
        }
        return sb.toString();
    }
}
