package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DecimalType;

/**
 * The pieces of generated code the collection functions share: a call site's output
 * ({@link CollectionOut}) and element type as constants, writing a value as an array element,
 * reading an element into a value, and passing a value of any kind to a kernel that compares
 * elements with it. Stateless.
 */
final class CollectionCode {
    static final String AK = ArrayKernels.class.getName() + ".";
    static final String MK = MapKernels.class.getName() + ".";

    private CollectionCode() {
    }

    /** A fresh {@link CollectionOut} field. */
    static String out(CodegenContext ctx) {
        return ctx.constant(new CollectionOut(), CollectionOut.class.getName());
    }

    /** A field holding {@code t}, for kernels that handle elements by type. */
    static String type(CodegenContext ctx, DataType t) {
        return ctx.constant(t, DataType.class.getName());
    }

    /** Writes {@code e} (null or not) as element {@code index} of the array writer {@code w}. */
    static void put(CodegenContext ctx, String w, String index, CodeValue e) {
        String put = switch (e.kind()) {
            case LONG -> w + ".putLong(" + index + ", " + e.value() + ");";
            case DOUBLE -> w + ".putDouble(" + index + ", " + e.value() + ");";
            case BYTES -> w + ".putBytes(" + index + ", " + e.value() + ", " + e.offset() + ", " + e.length() + ");";
            case DECIMAL -> AK + "putDecimal(" + w + ", " + index + ", " + e.value() + ", "
                    + ((DecimalType) e.type()).precision() + ");";
        };
        if (e.type() == io.tideway.sql.types.DataTypes.NullType) {
            ctx.line(w + ".setNull(" + index + ");");
            return;
        }
        ctx.line("if (" + e.isNull() + ") { " + w + ".setNull(" + index + "); } else { " + put + " }");
    }

    /** Sets non-null {@code v} to element {@code index} of the array at {@code (buf, arrayOffset)}. */
    static void read(CodegenContext ctx, CodeValue v, String buf, String arrayOffset, String index) {
        String at = buf + ", " + arrayOffset + ", " + index;
        ctx.line(v.isNull() + " = false;");
        switch (v.kind()) {
            case LONG -> ctx.line(v.value() + " = " + AK + "longAt(" + at + ", " + ArrayElements.int32(v.type()) + ");");
            case DOUBLE -> ctx.line(v.value() + " = " + AK + "doubleAt(" + at + ");");
            case BYTES -> ctx.line(v.value() + " = " + buf + "; " + v.offset() + " = " + AK + "varOffsetAt(" + at + "); "
                    + v.length() + " = " + AK + "varLengthAt(" + at + ");");
            case DECIMAL -> ctx.line(v.value() + " = " + AK + "decimalAt(" + at + ", " + ((DecimalType) v.type()).precision()
                    + ", " + ((DecimalType) v.type()).scale() + ");");
        }
    }

    /** {@code x} as the arguments {@code (long, double, buffer, offset, length, decimal)} of a comparing kernel. */
    static String value(CodeValue x) {
        return switch (x.kind()) {
            case LONG -> x.value() + ", 0.0, null, 0, 0, null";
            case DOUBLE -> "0L, " + x.value() + ", null, 0, 0, null";
            case BYTES -> "0L, 0.0, " + CodegenContext.args(x) + ", null";
            case DECIMAL -> "0L, 0.0, null, 0, 0, " + x.value();
        };
    }
}
