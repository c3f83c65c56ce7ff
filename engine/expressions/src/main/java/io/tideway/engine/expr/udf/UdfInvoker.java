package io.tideway.engine.expr.udf;

import io.tideway.SparkException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.sql.api.java.UDF0;
import io.tideway.sql.api.java.UDF1;
import io.tideway.sql.api.java.UDF2;
import io.tideway.sql.api.java.UDF3;
import io.tideway.sql.api.java.UDF4;
import io.tideway.sql.api.java.UDF5;
import io.tideway.sql.api.java.UDF6;
import io.tideway.sql.api.java.UDF7;
import io.tideway.sql.api.java.UDF8;
import io.tideway.sql.api.java.UDF9;
import io.tideway.sql.api.java.UDF10;
import io.tideway.sql.api.java.UDF11;
import io.tideway.sql.api.java.UDF12;
import io.tideway.sql.api.java.UDF13;
import io.tideway.sql.api.java.UDF14;
import io.tideway.sql.api.java.UDF15;
import io.tideway.sql.api.java.UDF16;
import io.tideway.sql.api.java.UDF17;
import io.tideway.sql.api.java.UDF18;
import io.tideway.sql.api.java.UDF19;
import io.tideway.sql.api.java.UDF20;
import io.tideway.sql.api.java.UDF21;
import io.tideway.sql.api.java.UDF22;

import java.io.Serializable;
import java.util.Map;

/**
 * Calls a user's {@code UDF0} to {@code UDF22} object with its converted arguments, and words
 * its failures as Spark's {@code FAILED_EXECUTE_UDF}. Generated code holds it as a constant and
 * calls {@link #call} directly, so a UDF runs inside a fused chain. Immutable; the user's object
 * is called from whichever task thread runs the chain.
 */
public final class UdfInvoker implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Object function;
    private final int arity;
    /** How Spark's error names the function: its name, if it has one, and a class in parentheses. */
    private final String functionName;
    private final String signature;
    private final String result;

    public UdfInvoker(Object function, int arity, String functionName, String signature, String result) {
        this.function = copyOf(function);
        this.arity = arity;
        this.functionName = functionName;
        this.signature = signature;
        this.result = result;
    }

    /**
     * A copy of the user's object for one generated class (one task), made by serializing it as
     * Spark ships a UDF to each task: a UDF that keeps state in its fields sees only its own
     * task's rows and is never called from two threads at once. An object that does not
     * serialize (Spark would refuse it as not serializable) is shared as it is.
     */
    private static Object copyOf(Object function) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(function);
            }
            try (java.io.ObjectInputStream in = new ContextObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()), function.getClass().getClassLoader())) {
                return in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException | RuntimeException e) {
            return function;
        }
    }

    /** Reads classes, and lambdas' capturing classes, with the user's class loader. */
    private static final class ContextObjectInputStream extends java.io.ObjectInputStream {
        private final ClassLoader loader;

        ContextObjectInputStream(java.io.InputStream in, ClassLoader loader) throws java.io.IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws java.io.IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    /** Calls the function on {@code a} (its first {@code arity} entries). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object call(Object[] a) throws Exception {
        return switch (arity) {
            case 0 -> ((UDF0) function).call();
            case 1 -> ((UDF1) function).call(a[0]);
            case 2 -> ((UDF2) function).call(a[0], a[1]);
            case 3 -> ((UDF3) function).call(a[0], a[1], a[2]);
            case 4 -> ((UDF4) function).call(a[0], a[1], a[2], a[3]);
            case 5 -> ((UDF5) function).call(a[0], a[1], a[2], a[3], a[4]);
            case 6 -> ((UDF6) function).call(a[0], a[1], a[2], a[3], a[4], a[5]);
            case 7 -> ((UDF7) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
            case 8 -> ((UDF8) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
            case 9 -> ((UDF9) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
            case 10 -> ((UDF10) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
            case 11 -> ((UDF11) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10]);
            case 12 -> ((UDF12) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);
            case 13 -> ((UDF13) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12]);
            case 14 -> ((UDF14) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]);
            case 15 -> ((UDF15) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14]);
            case 16 -> ((UDF16) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]);
            case 17 -> ((UDF17) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16]);
            case 18 -> ((UDF18) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16], a[17]);
            case 19 -> ((UDF19) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16], a[17], a[18]);
            case 20 -> ((UDF20) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16], a[17], a[18], a[19]);
            case 21 -> ((UDF21) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16], a[17], a[18], a[19], a[20]);
            case 22 -> ((UDF22) function).call(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16], a[17], a[18], a[19], a[20], a[21]);
            default -> throw new IllegalStateException("a UDF takes at most 22 arguments: " + arity);
        };
    }

    /** Spark's {@code FAILED_EXECUTE_UDF} for {@code cause}, which the user's function or the result's conversion threw. */
    public SparkException failed(Throwable cause) {
        return new SparkException("FAILED_EXECUTE_UDF", Map.of("functionName", ErrorParams.id(functionName),
                "signature", signature, "result", result, "reason", cause.toString()), cause);
    }
}
