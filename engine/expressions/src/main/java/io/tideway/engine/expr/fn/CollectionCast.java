package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.MapDescriptor;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Casts of arrays and maps: to a string ({@link CollectionText}), and element by element to an
 * array or map of other types, as the type coercion of the collection functions inserts them
 * ({@code array(1, 2.5)}: an {@code array<int>} becomes an {@code array<double>}). Elements are
 * widened between numbers, turned into text, or cast recursively when they are arrays.
 * Stateless.
 */
public final class CollectionCast {
    private CollectionCast() {
    }

    /** Whether a cast from {@code from} to {@code to} is one of these. */
    public static boolean applies(DataType from, DataType to) {
        boolean collection = from instanceof ArrayType || from instanceof MapType || to instanceof ArrayType || to instanceof MapType
                || from instanceof StructType || to instanceof StructType;
        return collection && !from.equals(to) && from != DataTypes.NullType;
    }

    /** The code of the cast of {@code in} into the declared {@code v}. */
    public static void code(CodegenContext ctx, CodeValue in, CodeValue v) {
        DataType from = in.type();
        DataType to = v.type();
        ctx.open("if (!" + in.isNull() + ")");
        String zone = ctx.constant(SessionZone.of(ctx.evalContext().timeZone()), SessionZone.class.getName());
        if (to == DataTypes.StringType) {
            String scratch = ctx.scratch();
            ctx.line(v.isNull() + " = false;");
            ctx.set(v, CollectionText.class.getName() + ".toText(" + CodegenContext.args(in) + ", "
                    + CollectionCode.type(ctx, from) + ", " + zone + ", " + scratch + ")", scratch);
        } else if (sameElements(from, to) || from instanceof StructType st && renamesOnly(st, (StructType) to)) {
            ctx.assign(v, in);
        } else if (from instanceof StructType st) {
            structFields(ctx, in, v, st, (StructType) to, false);
        } else if (from instanceof ArrayType fa && to instanceof ArrayType ta) {
            arrayElements(ctx, in, v, fa, ta, false);
        } else {
            String out = CollectionCode.out(ctx);
            ctx.line(v.isNull() + " = false;");
            ctx.set(v, CollectionCast.class.getName() + ".cast(" + CodegenContext.args(in) + ", " + CollectionCode.type(ctx, from)
                    + ", " + CollectionCode.type(ctx, to) + ", " + zone + ", " + out + ")", out);
        }
        ctx.close();
    }

    /**
     * {@code try_cast} of a struct, as Spark's TRY mode casts it: field by field, a field that does
     * not convert becoming null (the struct itself stays).
     */
    public static CodeValue tryStruct(CodegenContext ctx, CodeValue in, StructType to) {
        CodeValue v = ctx.declare(to);
        ctx.open("if (!" + in.isNull() + ")");
        structFields(ctx, in, v, (StructType) in.type(), to, true);
        ctx.close();
        return v;
    }

    /**
     * {@code try_cast} of an array, as Spark's TRY mode casts it: element by element, an element
     * that does not convert becoming null.
     */
    public static CodeValue tryArray(CodegenContext ctx, CodeValue in, ArrayType to) {
        CodeValue v = ctx.declare(to);
        ctx.open("if (!" + in.isNull() + ")");
        arrayElements(ctx, in, v, (ArrayType) in.type(), to, true);
        ctx.close();
        return v;
    }

    /**
     * An array cast element by element in generated code, each element converted by the cast's own
     * code (so structs, strings and nested arrays convert as a single value does); with
     * {@code tryEach}, an element whose conversion fails is null.
     */
    private static void arrayElements(CodegenContext ctx, CodeValue in, CodeValue v, ArrayType from, ArrayType to,
            boolean tryEach) {
        String n = ctx.fresh("n");
        ctx.line("int " + n + " = " + in.value() + ".getInt(" + in.offset() + ");");
        String out = CollectionCode.out(ctx);
        String w = ctx.fresh("w");
        ctx.line("io.tideway.offheap.row.ArrayWriter " + w + " = " + out + ".array(" + n + ");");
        String i = ctx.fresh("i");
        ctx.open("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++)");
        CodeValue element = HigherOrderFunction.element(ctx, from.elementType(), in.value(), in.offset(), i);
        CollectionCode.put(ctx, w, i, converted(ctx, element, to.elementType(), tryEach));
        ctx.close();
        ctx.line(v.isNull() + " = false; " + v.value() + " = " + out + ".buffer(); " + v.offset() + " = 0; " + v.length()
                + " = " + w + ".finish();");
    }

    /** {@code value} converted to {@code type}; with {@code tryEach}, null where the conversion fails. */
    private static CodeValue converted(CodegenContext ctx, CodeValue value, DataType type, boolean tryEach) {
        if (!tryEach) {
            return io.tideway.engine.expr.Cast.convert(ctx, value, type);
        }
        CodeValue converted = ctx.declare(type);
        ctx.open("try");
        ctx.assign(converted, io.tideway.engine.expr.Cast.convert(ctx, value, type));
        ctx.then("catch (RuntimeException " + ctx.fresh("failed") + ")");
        ctx.line(converted.isNull() + " = true;");
        ctx.close();
        return converted;
    }

    /**
     * A struct cast field by field: each field read in place and converted by the scalar cast's
     * code; with {@code tryEach}, a field whose conversion fails is null.
     */
    private static void structFields(CodegenContext ctx, CodeValue in, CodeValue v, StructType from, StructType to,
            boolean tryEach) {
        String r = ctx.constant(new io.tideway.offheap.row.RowReader(from.length()), io.tideway.offheap.row.RowReader.class.getName());
        String out = CollectionCode.out(ctx);
        String w = ctx.fresh("w");
        ctx.line(r + ".wrap(" + CodegenContext.args(in) + ");");
        ctx.line("io.tideway.offheap.row.RowWriter " + w + " = " + out + ".struct(" + from.length() + ");");
        for (int i = 0; i < from.length(); i++) {
            CodeValue field = ctx.declare(from.apply(i).dataType());
            io.tideway.engine.expr.GetStructField.readField(ctx, r, i, field);
            StructValues.put(ctx, w, i, converted(ctx, field, to.apply(i).dataType(), tryEach));
        }
        ctx.line(v.isNull() + " = false; " + v.value() + " = " + out + ".buffer(); " + v.offset() + " = 0; " + v.length()
                + " = " + w + ".finish();");
    }

    /** Whether a struct casts to another by renaming its fields only (the same field types, so the same bytes). */
    public static boolean renamesOnly(StructType from, StructType to) {
        if (from.length() != to.length()) {
            return false;
        }
        for (int i = 0; i < from.length(); i++) {
            if (!from.apply(i).dataType().equals(to.apply(i).dataType())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two types differ only in whether they may hold nulls (the bytes are the same). */
    private static boolean sameElements(DataType a, DataType b) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return sameElements(x.elementType(), y.elementType());
        }
        if (a instanceof MapType x && b instanceof MapType y) {
            return sameElements(x.keyType(), y.keyType()) && sameElements(x.valueType(), y.valueType());
        }
        return a.equals(b);
    }

    /** The array or map at {@code (b, o, n)} of type {@code from} as type {@code to}, into {@code out}. */
    public static int cast(DirectBuffer b, int o, int n, DataType from, DataType to, SessionZone zone, CollectionOut out) {
        if (from instanceof MapType fm && to instanceof MapType tm) {
            ArrayReader k = new ArrayReader();
            ArrayReader v = new ArrayReader();
            MapDescriptor.wrap(b, o, n, k, v);
            ArrayWriter kw = out.keys(k.count());
            for (int i = 0; i < k.count(); i++) {
                element(k, i, fm.keyType(), kw, i, tm.keyType(), zone);
            }
            ArrayWriter vw = out.values(v.count());
            for (int i = 0; i < v.count(); i++) {
                element(v, i, fm.valueType(), vw, i, tm.valueType(), zone);
            }
            return out.finishMap();
        }
        DataType fe = ((ArrayType) from).elementType();
        DataType te = ((ArrayType) to).elementType();
        ArrayReader a = new ArrayReader().wrap(b, o, n);
        ArrayWriter w = out.array(a.count());
        for (int i = 0; i < a.count(); i++) {
            element(a, i, fe, w, i, te, zone);
        }
        return w.finish();
    }

    private static void element(ArrayReader a, int i, DataType from, ArrayWriter w, int j, DataType to, SessionZone zone) {
        if (a.isNullAt(i) || from == DataTypes.NullType) {
            w.setNull(j);
        } else if (from.equals(to) || sameElements(from, to)) {
            ArrayElements.copy(a, i, w, j, ArrayElements.inSlot(from));
        } else if (to == DataTypes.StringType) {
            byte[] text = CollectionText.elementText(a, i, from, zone).getBytes(StandardCharsets.UTF_8);
            w.putBytes(j, new UnsafeBuffer(text), 0, text.length);
        } else if (from instanceof ArrayType || from instanceof MapType) {
            CollectionOut nested = new CollectionOut();
            int len = cast(a.buffer(), a.varOffset(i), a.varLength(i), from, to, zone, nested);
            w.putBytes(j, nested.buffer(), 0, len);
        } else if ((from == DataTypes.DoubleType || from == DataTypes.FloatType)
                && (to == DataTypes.DoubleType || to == DataTypes.FloatType)) {
            w.putDouble(j, to == DataTypes.FloatType ? (float) a.getDouble(i) : a.getDouble(i));
        } else if (from.isNumeric() && to.isNumeric()) {
            BigDecimal v = number(a, i, from);
            if (to == DataTypes.DoubleType || to == DataTypes.FloatType) {
                w.putDouble(j, to == DataTypes.FloatType ? (float) v.doubleValue() : v.doubleValue());
            } else if (to instanceof DecimalType d) {
                ArrayKernels.putDecimal(w, j, v.setScale(d.scale(), RoundingMode.HALF_UP), d.precision());
            } else {
                w.putLong(j, v.longValue());
            }
        } else if (from == DataTypes.DateType && to == DataTypes.TimestampType) {
            long days = a.getInt(i);
            w.putLong(j, java.time.LocalDate.ofEpochDay(days).atStartOfDay(zone.id()).toEpochSecond() * 1_000_000L);
        } else {
            throw new IllegalStateException("cannot cast " + from.simpleString() + " to " + to.simpleString());
        }
    }

    private static BigDecimal number(ArrayReader a, int i, DataType t) {
        if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            return BigDecimal.valueOf(a.getDouble(i));
        }
        if (t instanceof DecimalType d) {
            return ArrayKernels.decimalAt(a.buffer(), a.offset(), i, d.precision(), d.scale());
        }
        return BigDecimal.valueOf(ArrayElements.int32(t) ? a.getInt(i) : a.getLong(i));
    }
}
