package io.tideway.connectors.chronicle;

import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import org.agrona.DirectBuffer;

/**
 * Writes one row as one excerpt. {@code bytes}: the {@code value} column's bytes (binary, or a
 * string's UTF-8), copied from the row's memory into the excerpt; a null value is an empty
 * excerpt. {@code wire}: each non-null column as a field of its name (timestamps as int64
 * microseconds, so the {@code wire} source reads them back); strings and binaries go through a
 * Java object (allocates). Owned by the thread that appends.
 */
final class RowExcerptEncoder {
    private final ExcerptFormat format;
    private final String[] names;
    private final DataType[] types;
    private final int valueColumn;

    RowExcerptEncoder(ExcerptFormat format, StructType schema) {
        this.format = format;
        this.names = schema.fieldNames();
        this.types = new DataType[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = schema.apply(i).dataType();
        }
        this.valueColumn = format == ExcerptFormat.BYTES ? valueColumn(schema) : -1;
        if (format == ExcerptFormat.WIRE) {
            ExcerptFormat.checkWireColumns(schema, null);
        }
    }

    private static int valueColumn(StructType schema) {
        int v = schema.indexOf("value");
        if (v < 0) {
            throw new IllegalArgumentException("Required attribute 'value' not found: the chronicle sink with option"
                    + " 'format' = 'bytes' writes the 'value' column (binary or string) as each excerpt");
        }
        DataType t = schema.apply(v).dataType();
        if (t != DataTypes.BinaryType && t != DataTypes.StringType) {
            throw new IllegalArgumentException("value attribute type must be a string or binary (was "
                    + t.simpleString() + ") for option 'format' = 'bytes'");
        }
        return v;
    }

    void write(RowReader row, Wire wire) {
        if (format == ExcerptFormat.BYTES) {
            if (!row.isNullAt(valueColumn)) {
                copy(row.buffer(), row.varOffset(valueColumn), row.varLength(valueColumn), wire.bytes());
            }
            return;
        }
        for (int i = 0; i < names.length; i++) {
            if (row.isNullAt(i)) {
                continue;
            }
            DataType t = types[i];
            if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
                wire.write(names[i]).int64(row.getLong(i));
            } else if (t == DataTypes.IntegerType) {
                wire.write(names[i]).int32(row.getInt(i));
            } else if (t == DataTypes.DoubleType) {
                wire.write(names[i]).float64(row.getDouble(i));
            } else if (t == DataTypes.BooleanType) {
                wire.write(names[i]).bool(row.getBoolean(i));
            } else if (t == DataTypes.BinaryType) {
                wire.write(names[i]).bytes(row.getBinary(i));
            } else {
                wire.write(names[i]).text(row.getString(i));
            }
        }
    }

    private static void copy(DirectBuffer src, int offset, int length, Bytes<?> out) {
        byte[] array = src.byteArray();
        if (array != null) {
            out.unsafeWriteObject(array, (int) (src.addressOffset() + offset), length);
        } else {
            out.unsafeWrite(src.addressOffset() + offset, length);
        }
    }
}
