package io.tideway.engine.expr.agg;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DecimalType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The converters of one {@link TypedAggregate} for one thread: input columns to the input
 * object, the buffer object to and from its held row, the result object to its column. Owned by
 * the thread that made it (a {@code ThreadLocal} of the aggregate); allocates the objects the
 * user's aggregator works on, so not for the allocation-free paths.
 */
final class TypedAggregateCodec {
    private final ObjectEncoder.Converter<Object> input;
    private final RowWriter inputWriter;
    private final RowReader inputReader;
    private final ExpandableArrayBuffer inputBytes = new ExpandableArrayBuffer(64);
    private final ObjectEncoder.Converter<Object> buffer;
    private final RowReader bufferReader;
    private final RowWriter bufferWriter;
    private final ObjectEncoder<Object> outputEncoder;
    private final ObjectEncoder.Converter<Object> output;
    private final RowWriter outputWriter;
    private final RowReader outputReader;
    private final ExpandableArrayBuffer outputBytes = new ExpandableArrayBuffer(64);

    TypedAggregateCodec(TypedAggregate aggregate) {
        ObjectEncoder<Object> in = aggregate.inputEncoder();
        this.input = in.newConverter();
        this.inputWriter = new RowWriter(in.schema().length());
        this.inputReader = new RowReader(in.schema().length());
        ObjectEncoder<Object> buf = ObjectEncoder.of(aggregate.aggregator().bufferEncoder());
        this.buffer = buf.newConverter();
        this.bufferReader = new RowReader(buf.schema().length());
        this.bufferWriter = new RowWriter(buf.schema().length());
        this.outputEncoder = ObjectEncoder.of(aggregate.aggregator().outputEncoder());
        this.output = outputEncoder.newConverter();
        this.outputWriter = new RowWriter(outputEncoder.schema().length());
        this.outputReader = new RowReader(outputEncoder.schema().length());
    }

    /** A row of the input encoder's columns to fill, then {@link #readInput}. */
    RowWriter inputRow() {
        return inputWriter.wrap(inputBytes, 0);
    }

    Object readInput(RowWriter filled) {
        return input.read(inputReader.wrap(inputBytes, 0, filled.finish()));
    }

    Object readBuffer(DirectBuffer held, int at, int length) {
        return buffer.read(bufferReader.wrap(held, at, length));
    }

    /** Writes the buffer's row from offset 0 of {@code out}; returns its length. */
    int writeBuffer(Object value, ExpandableArrayBuffer out) {
        RowWriter w = bufferWriter.wrap(out, 0);
        buffer.write(value, w);
        return w.finish();
    }

    /** Writes the result into {@code out}'s field: a single-value encoder's column, else the struct of its columns. */
    void writeResult(Object value, DataType type, RowWriter out, int field) {
        if (value == null) {
            out.setNull(field);
            return;
        }
        RowWriter w = outputWriter.wrap(outputBytes, 0);
        output.write(value, w);
        int length = w.finish();
        if (!outputEncoder.singleValue()) {
            out.putBytes(field, outputBytes, 0, length);
            return;
        }
        RowReader r = outputReader.wrap(outputBytes, 0, length);
        copyField(r, type, out, field);
    }

    /** Copies field 0 of {@code r}, of {@code type}, into {@code out}'s field. */
    private static void copyField(RowReader r, DataType type, RowWriter out, int field) {
        if (r.isNullAt(0)) {
            out.setNull(field);
        } else if (type.isFixedWidth() || type instanceof DecimalType d && d.precision() <= 18) {
            out.putLong(field, r.getLong(0)); // the 8-byte slot as it is: a long, a double's bits, a small decimal
        } else {
            DirectBuffer b = r.buffer();
            out.putBytes(field, b, r.varOffset(0), r.varLength(0));
        }
    }
}
