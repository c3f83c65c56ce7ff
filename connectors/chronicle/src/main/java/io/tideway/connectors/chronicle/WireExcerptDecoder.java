package io.tideway.connectors.chronicle;

import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.Wire;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@code format = wire}: reads a self-describing wire excerpt's fields in the order written, in
 * one pass, into the columns of the same name (exact, case-sensitive); other fields are skipped,
 * absent columns are null. Timestamps are int64 microseconds since the epoch. Field names and
 * strings go through reused builders and buffers: no allocation per excerpt for ASCII or
 * non-ASCII text.
 *
 * <p>Corrupt: bytes that are not wire fields, or a value of the wrong kind (e.g. text in a long
 * column). Reader thread only.
 */
final class WireExcerptDecoder implements ExcerptDecoder {
    private static final byte LONG = 0, INT = 1, DOUBLE = 2, BOOLEAN = 3, STRING = 4, BINARY = 5;

    private final String[] names;
    private final byte[] kinds;
    private final boolean[] seen;
    private final int corruptColumn;
    private final StringBuilder name = new StringBuilder(32);
    private final StringBuilder text = new StringBuilder(64);
    private final GrowableBuffer utf8 = new GrowableBuffer(256);
    private final Bytes<?> binary = Bytes.allocateElasticDirect(256);
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    WireExcerptDecoder(StructType schema, int corruptColumn) {
        this.names = schema.fieldNames();
        this.kinds = new byte[names.length];
        this.seen = new boolean[names.length];
        this.corruptColumn = corruptColumn;
        for (int i = 0; i < names.length; i++) {
            kinds[i] = kind(schema.apply(i).dataType());
        }
    }

    private static byte kind(DataType t) {
        if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
            return LONG;
        } else if (t == DataTypes.IntegerType) {
            return INT;
        } else if (t == DataTypes.DoubleType) {
            return DOUBLE;
        } else if (t == DataTypes.BooleanType) {
            return BOOLEAN;
        } else if (t == DataTypes.BinaryType) {
            return BINARY;
        }
        return STRING;
    }

    @Override
    public String decode(long index, Wire wire, RowWriter row) {
        java.util.Arrays.fill(seen, false);
        Bytes<?> bytes = wire.bytes();
        String problem = null;
        try {
            while (bytes.readRemaining() > 0) {
                long before = bytes.readPosition();
                ValueIn in = wire.read(name);
                if (bytes.readPosition() == before || name.length() == 0) {
                    problem = "not a wire field at byte " + (before - bytes.start());
                    break;
                }
                int column = column();
                if (column < 0 || seen[column]) {
                    in.skipValue();
                    continue;
                }
                seen[column] = true;
                read(in, column, row);
            }
        } catch (RuntimeException e) {
            problem = String.valueOf(e.getMessage());
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i] && i != corruptColumn) {
                row.setNull(i);
            }
        }
        return problem;
    }

    private int column() {
        for (int i = 0; i < names.length; i++) {
            if (i != corruptColumn && names[i].contentEquals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void read(ValueIn in, int column, RowWriter row) {
        switch (kinds[column]) {
            case LONG -> row.putLong(column, in.int64());
            case INT -> row.putInt(column, in.int32());
            case DOUBLE -> row.putDouble(column, in.float64());
            case BOOLEAN -> row.putBoolean(column, in.bool());
            case BINARY -> {
                binary.clear();
                in.bytes(binary);
                int n = (int) binary.readRemaining();
                if (n == 0) {
                    row.putBytes(column, utf8.buffer(), 0, 0);
                } else {
                    view.wrap(binary.addressForRead(binary.readPosition()), n);
                    row.putBytes(column, view, 0, n);
                }
            }
            default -> {
                text.setLength(0);
                if (in.textTo(text) == null) {
                    row.setNull(column);
                } else {
                    row.putBytes(column, utf8.buffer(), 0, Utf8.encode(text, utf8));
                }
            }
        }
    }

    @Override
    public void close() {
        utf8.close();
        binary.releaseLast();
    }
}
