package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Bytes;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.SqlArithmetic;
import io.tideway.engine.expr.fn.ArrayElements;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One non-null value of a data type as the bytes an aggregate keeps in its held state, and back:
 * a fixed-width value as its 8-byte word (a double's bits), a decimal as its unscaled value's
 * two's-complement bytes, a string, binary, array or struct as its encoded bytes. The encoding is
 * the state store's, so it must not change between releases. Stateless.
 */
final class ValueCodec {
    private ValueCodec() {
    }

    static boolean isDouble(DataType t) {
        return t == DataTypes.DoubleType || t == DataTypes.FloatType;
    }

    /** Writes {@code e}'s (non-null) value at {@code at} of {@code out}; returns its length. */
    static int encode(Evaluator e, DataType t, MutableDirectBuffer out, int at) {
        if (t instanceof DecimalType) {
            byte[] u = e.dec.unscaledValue().toByteArray();
            out.putBytes(at, u);
            return u.length;
        }
        if (isDouble(t)) {
            out.putLong(at, Double.doubleToRawLongBits(e.d));
            return 8;
        }
        if (t.isFixedWidth() || t == DataTypes.NullType) {
            out.putLong(at, e.l);
            return 8;
        }
        out.putBytes(at, e.buf, e.off, e.len);
        return e.len;
    }

    static BigDecimal decimal(DirectBuffer b, int at, int len, DecimalType t) {
        byte[] u = new byte[len];
        b.getBytes(at, u);
        return new BigDecimal(new BigInteger(u), t.scale());
    }

    /** Writes an encoded value into {@code out}'s field. */
    static void write(DirectBuffer b, int at, int len, DataType t, RowWriter out, int field) {
        if (t instanceof DecimalType d) {
            out.putDecimal(field, decimal(b, at, len, d), d.precision());
        } else if (t.isFixedWidth() || t == DataTypes.NullType) {
            out.putLong(field, b.getLong(at)); // a double's bits too
        } else {
            out.putBytes(field, b, at, len);
        }
    }

    /** Writes an encoded value as element {@code i} of an array. */
    static void write(DirectBuffer b, int at, int len, DataType t, ArrayWriter a, int i) {
        if (t instanceof DecimalType d) {
            BigDecimal v = decimal(b, at, len, d);
            if (d.isFixedWidth()) {
                a.putLong(i, v.unscaledValue().longValue());
            } else {
                byte[] u = v.unscaledValue().toByteArray();
                a.putBytes(i, new org.agrona.concurrent.UnsafeBuffer(u), 0, u.length);
            }
        } else if (ArrayElements.int32(t)) {
            a.putInt(i, (int) b.getLong(at));
        } else if (t.isFixedWidth() || t == DataTypes.NullType) {
            a.putLong(i, b.getLong(at));
        } else {
            a.putBytes(i, b, at, len);
        }
    }

    /** Points {@code e} at an encoded value, as an input evaluator would hold it. */
    static void load(DirectBuffer b, int at, int len, DataType t, Evaluator e) {
        e.isNull = false;
        if (t instanceof DecimalType d) {
            e.dec = decimal(b, at, len, d);
        } else if (isDouble(t)) {
            e.d = Double.longBitsToDouble(b.getLong(at));
        } else if (t.isFixedWidth() || t == DataTypes.NullType) {
            e.l = b.getLong(at);
        } else {
            e.buf = b;
            e.off = at;
            e.len = len;
        }
    }

    /** Spark's order of two encoded values of an orderable type ({@code NaN} largest, strings by code point). */
    static int compare(DirectBuffer a, int aAt, int aLen, DirectBuffer b, int bAt, int bLen, DataType t) {
        if (t instanceof DecimalType d) {
            return decimal(a, aAt, aLen, d).compareTo(decimal(b, bAt, bLen, d));
        }
        if (isDouble(t)) {
            return SqlArithmetic.compare(Double.longBitsToDouble(a.getLong(aAt)), Double.longBitsToDouble(b.getLong(bAt)));
        }
        if (t.isFixedWidth()) {
            return Long.compare(a.getLong(aAt), b.getLong(bAt));
        }
        if (t instanceof io.tideway.sql.types.ArrayType at) {
            return ArrayElements.compareArrays(a, aAt, aLen, b, bAt, bLen, at.elementType());
        }
        return Bytes.compare(a, aAt, aLen, b, bAt, bLen);
    }

    /** Whether two encoded values are equal as Spark's grouping sees them ({@code -0.0} is {@code 0.0}, NaNs are one). */
    static boolean same(DirectBuffer a, int aAt, int aLen, DirectBuffer b, int bAt, int bLen, DataType t) {
        if (isDouble(t)) {
            return SqlArithmetic.compare(Double.longBitsToDouble(a.getLong(aAt)), Double.longBitsToDouble(b.getLong(bAt))) == 0;
        }
        if (t instanceof DecimalType d) {
            return compare(a, aAt, aLen, b, bAt, bLen, d) == 0;
        }
        return aLen == bLen && Bytes.compare(a, aAt, aLen, b, bAt, bLen) == 0;
    }

    /** An evaluator that only holds a value: what a wrapped aggregate reads a kept value from. */
    static final class Held extends Evaluator {
        @Override
        public void eval(io.tideway.offheap.row.RowReader row) {
            throw new IllegalStateException("a held value is loaded, not evaluated");
        }
    }
}
