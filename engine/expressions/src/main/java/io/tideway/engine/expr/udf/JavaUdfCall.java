package io.tideway.engine.expr.udf;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.NodeEvaluators;
import io.tideway.sql.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java UDF applied to columns: Spark's {@code ScalaUDF} for the Java API. Its code converts each
 * argument to the Java object Spark passes ({@link UdfArgument}; a null argument is passed as null),
 * calls the user's object through a constant of the generated class ({@link UdfInvoker}), and
 * converts the result to the declared type ({@link UdfResult}); anything the call or the conversion
 * throws becomes {@code FAILED_EXECUTE_UDF}. So a UDF runs inlined in a fused chain, as Spark's
 * whole-stage code calls it. Spark's column name is {@code name(args)}, {@code UDF(args)} without a
 * name. Immutable.
 */
public final class JavaUdfCall extends Expression {
    private static final long serialVersionUID = 1L;
    private final Object function;
    private final DataType returnType;
    private final List<Expression> args;
    /** The name {@code withName} or {@code register} gave, or null. */
    private final String name;
    private final boolean nullable;
    private final boolean deterministic;
    /** The session's {@code spark.sql.datetime.java8API.enabled} when the UDF was applied. */
    private final boolean java8Api;

    public JavaUdfCall(Object function, DataType returnType, List<Expression> args, String name, boolean nullable,
                       boolean deterministic) {
        this(function, returnType, args, name, nullable, deterministic, io.tideway.engine.expr.SessionConf.java8Api());
    }

    private JavaUdfCall(Object function, DataType returnType, List<Expression> args, String name, boolean nullable,
                        boolean deterministic, boolean java8Api) {
        this.function = function;
        this.returnType = returnType;
        this.args = List.copyOf(args);
        this.name = name;
        this.nullable = nullable;
        this.deterministic = deterministic;
        this.java8Api = java8Api;
    }

    /** The function's name, Spark's {@code UDF} without one. */
    public String name() {
        return name == null ? "UDF" : name;
    }

    /** Whether the function may give other results for the same arguments ({@code asNondeterministic}). */
    public boolean deterministic() {
        return deterministic;
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new JavaUdfCall(function, returnType, children, name, nullable, deterministic, java8Api);
    }

    @Override
    public String sql() {
        List<String> texts = new ArrayList<>(args.size());
        for (Expression a : args) {
            texts.add(argumentText(a));
        }
        return name() + "(" + String.join(", ", texts) + ")";
    }

    /**
     * An argument as Spark prints it inside a UDF's name: the argument's {@code toString}, which
     * for a cast is lower case ({@code cast(s as binary)}), elsewhere its SQL.
     */
    private static String argumentText(Expression a) {
        if (a instanceof io.tideway.engine.expr.Cast c && a.sql().startsWith("CAST(")) {
            return "cast(" + argumentText(c.child()) + " as " + c.dataType().simpleString() + ")";
        }
        return a.sql();
    }

    @Override
    public DataType dataType() {
        return returnType;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return NodeEvaluators.compile(this, context);
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        String[] types = new String[args.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = args.get(i).dataType().catalogString();
        }
        UdfInvoker invoker = new UdfInvoker(function, args.size(), functionName(), String.join(", ", types),
                returnType.catalogString());
        String call = ctx.constant(invoker, UdfInvoker.class.getName());
        // one argument array per call site, refilled for each row: the chain runs on one thread
        String in = ctx.constant(new Object[args.size()], "java.lang.Object[]");
        for (int i = 0; i < args.size(); i++) {
            CodeValue v = ctx.gen(args.get(i));
            String conv = ctx.constant(new UdfArgument(args.get(i).dataType(), java8Api), UdfArgument.class.getName());
            String value = switch (v.kind()) {
                case LONG -> conv + ".ofLong(" + v.value() + ")";
                case DOUBLE -> conv + ".ofDouble(" + v.value() + ")";
                case DECIMAL -> conv + ".ofDecimal(" + v.value() + ")";
                case BYTES -> conv + ".ofBytes(" + v.value() + ", " + v.offset() + ", " + v.length() + ")";
            };
            ctx.line(in + "[" + i + "] = " + v.isNull() + " ? null : " + value + ";");
        }
        CodeValue out = ctx.declare(returnType);
        String result = ctx.constant(new UdfResult(returnType, ctx.ansi()), UdfResult.class.getName());
        String r = ctx.fresh("r");
        ctx.open("try");
        ctx.line("Object " + r + " = " + call + ".call(" + in + ");");
        ctx.open("if (" + r + " != null)");
        switch (out.kind()) {
            case LONG -> ctx.line(out.value() + " = " + result + ".toLong(" + r + ");");
            case DOUBLE -> ctx.line(out.value() + " = " + result + ".toDouble(" + r + ");");
            case DECIMAL -> ctx.line(out.value() + " = " + result + ".toDecimal(" + r + ");");
            case BYTES -> {
                ctx.line(out.length() + " = " + result + ".toBytes(" + r + ");");
                ctx.line(out.value() + " = " + result + ".buffer(); " + out.offset() + " = 0;");
            }
        }
        ctx.line(out.isNull() + " = " + (out.kind() == CodeValue.Kind.DECIMAL ? out.value() + " == null" : "false") + ";");
        ctx.close();
        String failure = ctx.fresh("e");
        ctx.then("catch (Throwable " + failure + ")");
        ctx.line("throw io.tideway.engine.error.Unchecked.raise(" + call + ".failed(" + failure + "));");
        ctx.close();
        return out;
    }

    /**
     * How Spark's {@code FAILED_EXECUTE_UDF} names the function: the class of the Scala lambda
     * Spark wraps a Java UDF in ({@code ToScalaUDF$$$Lambda$4096/0x...}, a JVM-made name), after
     * the UDF's name if it has one. Tideway puts the user's class where the JVM's address is.
     */
    private String functionName() {
        String cls = "ToScalaUDF$$$Lambda/" + function.getClass().getSimpleName();
        return name == null ? cls : name + " (" + cls + ")";
    }
}
