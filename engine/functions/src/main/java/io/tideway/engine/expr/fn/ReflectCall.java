package io.tideway.engine.expr.fn;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.BytesOut;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/**
 * One {@code reflect}/{@code java_method}/{@code try_reflect} call site, as Spark's
 * {@code CallMethodViaReflection}: the public static method of the class, both named by string
 * literals, whose parameters take the arguments' types (a boolean, number or string, boxed or
 * primitive, or a supertype such as {@code Object}), found once; each row invokes it with the argument values (in {@link #args}) and
 * gives {@code String.valueOf} of the result. A failure of the call is thrown as it is, or is null
 * for try_reflect. One per call site (a generated constant), used by one thread.
 */
public final class ReflectCall {
    /** The Java classes a parameter may have for each SQL type Spark passes, as Spark's {@code typeMapping}. */
    private static final Map<DataType, List<Class<?>>> TYPES = Map.of(
            DataTypes.BooleanType, List.of(Boolean.class, boolean.class),
            DataTypes.ByteType, List.of(Byte.class, byte.class),
            DataTypes.ShortType, List.of(Short.class, short.class),
            DataTypes.IntegerType, List.of(Integer.class, int.class),
            DataTypes.LongType, List.of(Long.class, long.class),
            DataTypes.FloatType, List.of(Float.class, float.class),
            DataTypes.DoubleType, List.of(Double.class, double.class),
            DataTypes.StringType, List.of(String.class));

    private final Method method;
    private final boolean tryMode;
    /** The arguments of the row being evaluated, which generated code fills before {@link #invoke}. */
    public final Object[] args;

    ReflectCall(Method method, boolean tryMode) {
        this.method = method;
        this.tryMode = tryMode;
        this.args = new Object[method.getParameterCount()];
    }

    /** Whether Spark passes a value of {@code t} to a method. */
    static boolean passable(DataType t) {
        return TYPES.containsKey(t);
    }

    /** The class named {@code className}, or null. */
    static Class<?> findClass(String className) {
        try {
            return Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /**
     * The first public static method (in {@link Class#getMethods} order, as Spark searches) named
     * {@code name} whose parameters are assignable from the arguments' Java classes, or null.
     */
    static Method findMethod(Class<?> c, String name, List<DataType> types) {
        for (Method m : c.getMethods()) {
            if (!m.getName().equals(name) || !Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != types.size()) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < types.size() && fits; i++) {
                Class<?> p = m.getParameterTypes()[i];
                fits = types.get(i) == DataTypes.StringType ? p.isAssignableFrom(String.class)
                        : TYPES.get(types.get(i)).stream().anyMatch(p::isAssignableFrom);
            }
            if (fits) {
                return m;
            }
        }
        return null;
    }

    /** Invokes the method with {@link #args}; the text of its result in {@code out} and its length, or -1 for null. */
    public int invoke(BytesOut out) {
        try {
            return out.reset().append(String.valueOf(method.invoke(null, args))).length();
        } catch (Exception e) {
            if (tryMode) {
                return -1;
            }
            throw Unchecked.raise(e);
        }
    }
}
