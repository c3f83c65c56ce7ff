package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Foldable;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.engine.expr.fn.InputType.ANY;

/**
 * Spark's {@code reflect(class, method, args...)} (alias {@code java_method}) and
 * {@code try_reflect}: a public static JDK (or classpath) method called by name with boolean,
 * number or string arguments, its result as a string ({@link ReflectCall}). The class and method
 * names must be string literals, checked at analysis as Spark checks them. Registered once,
 * immutable after.
 */
final class ReflectFunctions {
    private static final String PASSABLE = "(\"BOOLEAN\" or \"TINYINT\" or \"SMALLINT\" or \"INT\" or \"BIGINT\" or \"FLOAT\" or "
            + "\"DOUBLE\" or \"STRING\")";

    private ReflectFunctions() {
    }

    static void register() {
        FunctionRegistry.add(spec("reflect", false, "java_method"));
        FunctionRegistry.add(spec("try_reflect", true));
    }

    private static FunctionSpec spec(String name, boolean tryMode, String... aliases) {
        return FunctionSpec.named(name, aliases).repeated(ANY).optional(2)
                .coercion(call -> {
                    method(call);
                    return call.children();
                })
                .returns(DataTypes.StringType)
                .nullable(call -> true)
                .customCode((ctx, call) -> {
                    List<Expression> a = call.children();
                    String rc = ctx.constant(new ReflectCall(method(call), tryMode), ReflectCall.class.getName());
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    for (int i = 2; i < a.size(); i++) {
                        CodeValue x = ctx.gen(a.get(i));
                        ctx.line(rc + ".args[" + (i - 2) + "] = " + x.isNull() + " ? null : " + boxed(x) + ";");
                    }
                    String scratch = ctx.scratch();
                    ctx.set(v, rc + ".invoke(" + scratch + ")", scratch);
                    return v;
                });
    }

    private static String boxed(CodeValue x) {
        DataType t = x.type();
        if (t == DataTypes.BooleanType) {
            return "Boolean.valueOf(" + x.value() + " != 0L)";
        } else if (t == DataTypes.ByteType) {
            return "Byte.valueOf((byte) " + x.value() + ")";
        } else if (t == DataTypes.ShortType) {
            return "Short.valueOf((short) " + x.value() + ")";
        } else if (t == DataTypes.IntegerType) {
            return "Integer.valueOf((int) " + x.value() + ")";
        } else if (t == DataTypes.LongType) {
            return "Long.valueOf(" + x.value() + ")";
        } else if (t == DataTypes.FloatType) {
            return "Float.valueOf((float) " + x.value() + ")";
        } else if (t == DataTypes.DoubleType) {
            return "Double.valueOf(" + x.value() + ")";
        }
        return StringKernels.class.getName() + ".string(" + x.value() + ", " + x.offset() + ", " + x.length() + ")";
    }

    /** The method a call names, or Spark's analysis error: names not foldable strings, an argument type, no class, no method. */
    private static Method method(ScalarFunction call) {
        List<Expression> a = call.children();
        String[] names = {"class", "method"};
        for (int i = 0; i < a.size(); i++) {
            Expression e = a.get(i);
            if (i < 2 && !(e.dataType() == DataTypes.StringType && Foldable.of(e))) {
                throw mismatch(call, "NON_FOLDABLE_INPUT", Map.of("inputName", ErrorParams.id(names[i]), "inputType",
                        "\"STRING\"", "inputExpr", ErrorParams.expr(e.sql())));
            }
            if (i >= 2 && !ReflectCall.passable(e.dataType())) {
                throw mismatch(call, "UNEXPECTED_INPUT_TYPE", Map.of("paramIndex", ErrorParams.ordinal(i), "requiredType",
                        PASSABLE, "inputSql", ErrorParams.expr(e.sql()), "inputType", ErrorParams.type(e.dataType())));
            }
        }
        String className = text(a.get(0));
        String methodName = text(a.get(1));
        Class<?> c = className == null ? null : ReflectCall.findClass(className);
        if (c == null) {
            throw mismatch(call, "UNEXPECTED_CLASS_TYPE", Map.of("className", String.valueOf(className)));
        }
        List<DataType> types = new ArrayList<>();
        for (int i = 2; i < a.size(); i++) {
            types.add(a.get(i).dataType());
        }
        Method m = methodName == null ? null : ReflectCall.findMethod(c, methodName, types);
        if (m == null) {
            throw mismatch(call, "UNEXPECTED_STATIC_METHOD", Map.of("methodName", String.valueOf(methodName), "className",
                    className));
        }
        return m;
    }

    private static String text(Expression e) {
        Evaluator ev = e.evaluator(new io.tideway.engine.expr.EvalContext());
        ev.eval(null);
        return ev.isNull ? null : StringKernels.string(ev.buf, ev.off, ev.len);
    }

    private static RuntimeException mismatch(ScalarFunction call, String sub, Map<String, String> params) {
        Map<String, String> all = new java.util.HashMap<>(params);
        // try_reflect is Spark's reflect that does not fail: its analysis errors name reflect
        String sql = call.sql();
        all.put("sqlExpr", ErrorParams.expr(sql.startsWith("try_reflect(") ? sql.substring(4) : sql));
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH." + sub, all, call.sqlOrigin()));
    }
}
