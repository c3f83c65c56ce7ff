package io.tideway.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.expressions.JavaUserDefinedFunction;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Spark's {@code UDFRegistration.registerJava}: a Java UDF named by its class, which must
 * implement exactly one of {@code UDF0}..{@code UDF22} and have a public no-argument constructor;
 * with no return type given, it is inferred from the interface's last type argument.
 */
final class JavaUdfClass {
    private static final String UDF_PREFIX = "io.tideway.sql.api.java.UDF";
    /** Spark's {@code JavaTypeInference} for the classes a scalar UDF returns. */
    private static final Map<Class<?>, DataType> INFERRED = Map.ofEntries(
            Map.entry(String.class, DataTypes.StringType), Map.entry(Integer.class, DataTypes.IntegerType),
            Map.entry(Long.class, DataTypes.LongType), Map.entry(Short.class, DataTypes.ShortType),
            Map.entry(Byte.class, DataTypes.ByteType), Map.entry(Double.class, DataTypes.DoubleType),
            Map.entry(Float.class, DataTypes.FloatType), Map.entry(Boolean.class, DataTypes.BooleanType),
            Map.entry(java.math.BigDecimal.class, DecimalType.SYSTEM_DEFAULT), Map.entry(byte[].class, DataTypes.BinaryType),
            Map.entry(java.sql.Date.class, DataTypes.DateType), Map.entry(java.time.LocalDate.class, DataTypes.DateType),
            Map.entry(java.sql.Timestamp.class, DataTypes.TimestampType), Map.entry(java.time.Instant.class, DataTypes.TimestampType),
            Map.entry(java.time.LocalDateTime.class, DataTypes.TimestampNTZType));

    private JavaUdfClass() {
    }

    static void register(UDFRegistration registration, String name, String className, DataType returnType) {
        Class<?> cls;
        try {
            cls = Class.forName(className, true, loader());
        } catch (ClassNotFoundException e) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1329", Map.of("className", className)));
        }
        List<ParameterizedType> udfs = Arrays.stream(cls.getGenericInterfaces())
                .filter(t -> t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                        && raw.getCanonicalName().startsWith(UDF_PREFIX))
                .map(t -> (ParameterizedType) t).toList();
        if (udfs.isEmpty()) {
            throw Unchecked.raise(new AnalysisException("NO_UDF_INTERFACE", Map.of("className", className)));
        } else if (udfs.size() > 1) {
            throw Unchecked.raise(new AnalysisException("MULTI_UDF_INTERFACE_ERROR", Map.of("className", className)));
        }
        Object udf;
        try {
            udf = cls.getConstructor().newInstance();
        } catch (InstantiationException | IllegalArgumentException e) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1328", Map.of("className", className)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw Unchecked.raise(e); // as in Spark, which lets the reflection error through
        } catch (InvocationTargetException e) {
            throw Unchecked.raise(e.getCause());
        }
        Type[] args = udfs.get(0).getActualTypeArguments();
        DataType type = returnType != null ? returnType : inferred(args[args.length - 1]);
        registration.register(name, JavaUserDefinedFunction.of(udf, type));
    }

    private static DataType inferred(Type t) {
        DataType d = t instanceof Class<?> c ? INFERRED.get(c) : null;
        if (d == null) {
            throw new UnsupportedOperationException("Cannot infer the return type of a UDF returning " + t.getTypeName()
                    + "; pass the return type to registerJava");
        }
        return d;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JavaUdfClass.class.getClassLoader();
    }
}
