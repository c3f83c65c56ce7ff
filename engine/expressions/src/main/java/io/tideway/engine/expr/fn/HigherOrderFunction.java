package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.NodeEvaluators;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A function taking lambdas ({@code transform(a, x -> x + 1)}), as Spark's
 * {@code HigherOrderFunction}: its arguments, then its lambdas. Analysis types the lambdas'
 * variables from the arguments' types once those are known ({@link #transformUp}: arguments
 * first, then {@link #bind}, then the lambdas' bodies, as Spark's {@code ResolveLambdaVariables}),
 * so a body such as {@code x + 1} coerces like any expression. Its code loops over the
 * collection, binding each variable in the {@link CodegenContext} before the lambda's body's code;
 * the same code runs inlined in a fused chain and as the interpreted evaluator, where the body is
 * inlined too ({@link NodeEvaluators}). Immutable.
 */
abstract class HigherOrderFunction extends Expression {
    private static final long serialVersionUID = 1L;
    final String name;
    final List<Expression> arguments;
    final List<LambdaFunction> functions;

    HigherOrderFunction(String name, List<Expression> arguments, List<LambdaFunction> functions) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.functions = List.copyOf(functions);
    }

    /** This function over new arguments and lambdas. */
    abstract HigherOrderFunction copy(List<Expression> arguments, List<LambdaFunction> functions);

    /**
     * The types and nullability of each lambda's variables, from the arguments' (checked first,
     * as Spark's {@code checkArgumentDataTypes}); lambda {@code i} has {@code variables(i)}
     * entries, or the count the lambda asks for where the function takes several forms.
     */
    abstract List<Variable> variables(int i, int declared);

    /** An array argument's element, and with two declared lambda arguments its index: what {@code transform} and {@code filter} bind. */
    final List<Variable> elementAndIndex(int arrayArgument, int declared) {
        io.tideway.sql.types.ArrayType at = array(arrayArgument);
        Variable x = new Variable(at.elementType(), at.containsNull());
        return declared == 2 ? List.of(x, new Variable(io.tideway.sql.types.DataTypes.IntegerType, false)) : List.of(x);
    }

    /** A map argument's key and value: what the map functions' lambdas bind. */
    final List<Variable> keyAndValue(int mapArgument) {
        io.tideway.sql.types.MapType mt = map(mapArgument);
        return List.of(new Variable(mt.keyType(), false), new Variable(mt.valueType(), mt.valueContainsNull()));
    }

    /** The type each lambda's body must have (null: any), as Spark's {@code functionTypes}. */
    DataType bodyType(int i) {
        return null;
    }

    /** A lambda variable's type and nullability. */
    record Variable(DataType type, boolean nullable) {
    }

    LambdaFunction function(int i) {
        return functions.get(i);
    }

    Expression argument(int i) {
        return arguments.get(i);
    }

    @Override
    public List<Expression> children() {
        List<Expression> c = new ArrayList<>(arguments);
        c.addAll(functions);
        return c;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        List<LambdaFunction> fs = new ArrayList<>();
        for (Expression e : c.subList(arguments.size(), c.size())) {
            fs.add((LambdaFunction) e);
        }
        return copy(c.subList(0, arguments.size()), fs);
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder(name).append('(');
        List<Expression> c = children();
        for (int i = 0; i < c.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(c.get(i).sql());
        }
        return sb.append(')').toString();
    }

    @Override
    public Expression transformUp(Function<Expression, Expression> rule) {
        return CurrentOrigin.withOrigin(sqlOrigin(), () -> {
            List<Expression> args = new ArrayList<>();
            for (Expression a : arguments) {
                args.add(a.transformUp(rule));
            }
            HigherOrderFunction self = copy(args, functions);
            if (!self.functionsBound() && typed(args)) {
                self = self.bind();
            }
            List<LambdaFunction> fs = new ArrayList<>();
            for (LambdaFunction f : self.functions) {
                fs.add((LambdaFunction) f.transformUp(rule));
            }
            return rule.apply(self.copy(args, fs));
        });
    }

    private boolean functionsBound() {
        return functions.stream().allMatch(f -> !f.variables().isEmpty() && f.variables().stream().allMatch(Expression::resolved));
    }

    private static boolean typed(List<Expression> args) {
        for (Expression a : args) {
            if (!a.resolved()) {
                return false;
            }
            try {
                a.dataType();
            } catch (Exception e) { // not analysed yet (Unchecked.raise throws AnalysisException undeclared)
                return false;
            }
        }
        return true;
    }

    /** This function with its lambdas' variables typed from its arguments. */
    private HigherOrderFunction bind() {
        List<LambdaFunction> fs = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            LambdaFunction f = functions.get(i);
            List<Variable> vars = variables(i, f.variables().size());
            if (f.variables().isEmpty()) { // not a lambda: Spark's createLambda wraps it in one whose variables it ignores
                List<io.tideway.engine.expr.LambdaVariable> ignored = new ArrayList<>();
                for (int v = 0; v < vars.size(); v++) {
                    ignored.add(io.tideway.engine.expr.LambdaVariable.named("col" + v));
                }
                f = new LambdaFunction(f.body(), ignored);
            }
            if (vars.size() != f.variables().size()) {
                throw Unchecked.raise(new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH", Map.of(
                        "expectedNumArgs", String.valueOf(f.variables().size()), "actualNumArgs",
                        String.valueOf(vars.size())), f.sqlOrigin()));
            }
            fs.add(f.bind(vars.stream().map(Variable::type).toList(), vars.stream().map(Variable::nullable).toList()));
        }
        return copy(arguments, fs);
    }

    @Override
    public DataType dataType() {
        for (int i = 0; i < functions.size(); i++) {
            DataType want = bodyType(i);
            DataType got = functions.get(i).dataType();
            if (want != null && !want.equals(got) && got != DataTypes.NullType) {
                throw bodyMismatch(i, want);
            }
        }
        return resultType();
    }

    /** Spark's error for lambda {@code i} giving another type than {@code want}. */
    RuntimeException bodyMismatch(int i, DataType want) {
        throw mismatch("UNEXPECTED_INPUT_TYPE", arguments.size() + i, ErrorParams.type(want), functions.get(i));
    }

    /** The result type, once the lambdas' bodies are checked. */
    abstract DataType resultType();

    /** Spark's {@code DATATYPE_MISMATCH.<subclass>} for the parameter at {@code index} (from 0). */
    RuntimeException mismatch(String subclass, int index, String requiredType, Expression input) {
        Map<String, String> params = new HashMap<>();
        params.put("sqlExpr", ErrorParams.expr(sql()));
        params.put("paramIndex", ErrorParams.ordinal(index));
        params.put("requiredType", requiredType);
        params.put("inputSql", ErrorParams.expr(input.sql()));
        params.put("inputType", ErrorParams.type(input.dataType()));
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH." + subclass, params, sqlOrigin()));
    }

    /** The element type of argument {@code i}, which must be an array. */
    io.tideway.sql.types.ArrayType array(int i) {
        DataType t = arguments.get(i).dataType();
        if (t instanceof io.tideway.sql.types.ArrayType at) {
            return at;
        }
        throw mismatch("UNEXPECTED_INPUT_TYPE", i, "\"ARRAY\"", arguments.get(i));
    }

    /** The type of argument {@code i}, which must be a map. */
    io.tideway.sql.types.MapType map(int i) {
        DataType t = arguments.get(i).dataType();
        if (t instanceof io.tideway.sql.types.MapType mt) {
            return mt;
        }
        throw mismatch("UNEXPECTED_INPUT_TYPE", i, "\"MAP\"", arguments.get(i));
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        return NodeEvaluators.compile(this, context);
    }

    // ---- pieces of code the functions share ----

    static final String LK = LambdaKernels.class.getName() + ".";

    /** A fresh int variable holding the element count of the non-null array {@code a}. */
    static String count(CodegenContext ctx, CodeValue a) {
        String n = ctx.fresh("n");
        ctx.line("int " + n + " = " + a.value() + ".getInt(" + a.offset() + ");");
        return n;
    }

    /** Element {@code index} of the array at {@code (buf, offset)}, null or not, in a new value of {@code type}. */
    static CodeValue element(CodegenContext ctx, DataType type, String buf, String offset, String index) {
        CodeValue v = ctx.declare(type);
        if (type == DataTypes.NullType) {
            return v;
        }
        ctx.open("if (!" + LK + "isNullAt(" + buf + ", " + offset + ", " + index + "))");
        CollectionCode.read(ctx, v, buf, offset, index);
        ctx.close();
        return v;
    }

    /** Where the parts of a non-null map value are: its entry count and its keys' and values' arrays' offsets. */
    record MapParts(String buf, String count, String keys, String values) {
    }

    /** Declares the parts of the non-null map {@code m}. */
    static MapParts mapParts(CodegenContext ctx, CodeValue m) {
        String n = ctx.fresh("n");
        String k = ctx.fresh("ko");
        String v = ctx.fresh("vo");
        ctx.line("int " + k + " = " + m.offset() + " + " + io.tideway.offheap.row.MapDescriptor.HEADER_LENGTH + "; int " + n
                + " = " + m.value() + ".getInt(" + k + "); int " + v + " = " + CollectionCode.MK + "valuesOffset(" + m.value()
                + ", " + m.offset() + ");");
        return new MapParts(m.value(), n, k, v);
    }

    /** An int value (an index variable) holding the Java int expression {@code i}. */
    static CodeValue index(CodegenContext ctx, String i) {
        CodeValue v = ctx.declare(DataTypes.IntegerType);
        ctx.line(v.isNull() + " = false; " + v.value() + " = " + i + ";");
        return v;
    }

    /** Runs lambda {@code f}'s body with its variables bound to {@code values}; its value. */
    static CodeValue apply(CodegenContext ctx, LambdaFunction f, CodeValue... values) {
        for (int i = 0; i < values.length; i++) {
            ctx.bindLambda(f.variables().get(i).id(), values[i]);
        }
        return ctx.gen(f.body());
    }

    /** Sets {@code out} to the array or map just written in {@code o} (length expression {@code length}). */
    static void setCollection(CodegenContext ctx, CodeValue out, String o, String length) {
        ctx.line(out.isNull() + " = false; " + out.value() + " = " + o + ".buffer(); " + out.offset() + " = 0; "
                + out.length() + " = " + length + ";");
    }

    /** A value of a boolean lambda's result: true only if not null and true. */
    static String isTrue(CodeValue b) {
        return "(!" + b.isNull() + " && " + b.value() + " != 0L)";
    }
}
