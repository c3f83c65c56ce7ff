package io.tideway.engine.expr.agg;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.UnresolvedAttribute;
import io.tideway.engine.expr.ValueWriter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Encoder;
import io.tideway.sql.expressions.Aggregator;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's {@link Aggregator} inside an aggregation: Spark's {@code TypedAggregateExpression}
 * (from {@code toColumn()}) and {@code ScalaAggregator} (from {@code functions.udaf}). Its state
 * is the buffer object as a row of the buffer encoder, held as bytes, so a streaming query keeps
 * it in the state store and its checkpoint like any other aggregate. Each input row is read into
 * an input object from the input columns ({@link #inputs()}, one per column of the input
 * encoder, in its order), folded in by {@code reduce}, and the buffer written back.
 *
 * <p>A {@code toColumn()} aggregate is unbound (no input encoder) until {@code Dataset.select} or
 * {@code KeyValueGroupedDataset.agg} gives it the encoder of their objects ({@link #bind}).
 * Immutable; the converters live in a per-thread {@link TypedAggregateCodec}.
 */
public final class TypedAggregate extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final Aggregator<Object, Object, Object> aggregator;
    /** Null while unbound. */
    private final ObjectEncoder<Object> inputEncoder;
    private final List<Expression> inputs;
    /** The name of a {@code functions.udaf} function, null for {@code toColumn()} (see {@link #name()}). */
    private final String udafName;
    private transient ThreadLocal<TypedAggregateCodec> codecs;

    @SuppressWarnings("unchecked")
    private TypedAggregate(Aggregator<?, ?, ?> aggregator, ObjectEncoder<?> inputEncoder, List<Expression> inputs, String udafName) {
        super(inputs.isEmpty() ? Literal.of(null) : inputs.get(0));
        this.aggregator = (Aggregator<Object, Object, Object>) aggregator;
        this.inputEncoder = (ObjectEncoder<Object>) inputEncoder;
        this.inputs = List.copyOf(inputs);
        this.udafName = udafName;
    }

    /** {@code aggregator.toColumn()}'s expression, bound later to the input objects. */
    public static TypedAggregate unbound(Aggregator<?, ?, ?> aggregator) {
        return new TypedAggregate(aggregator, null, List.of(), null);
    }

    /** {@code functions.udaf(aggregator, inputEncoder)} applied to {@code inputs}, one per column of the encoder. */
    public static TypedAggregate udaf(Aggregator<?, ?, ?> aggregator, Encoder<?> inputEncoder, List<Expression> inputs, String name) {
        return new TypedAggregate(aggregator, ObjectEncoder.of(inputEncoder), inputs, name);
    }

    /** Whether this still waits for the objects it aggregates. */
    public boolean isUnbound() {
        return inputEncoder == null;
    }

    /** This aggregate over objects of {@code encoder}, read from the columns of the encoder's names. */
    public TypedAggregate bind(Encoder<?> encoder) {
        List<Expression> columns = new ArrayList<>();
        for (StructField f : encoder.schema().fields()) {
            columns.add(UnresolvedAttribute.quoted(f.name()));
        }
        return new TypedAggregate(aggregator, ObjectEncoder.of(encoder), columns, udafName);
    }

    Aggregator<Object, Object, Object> aggregator() {
        return aggregator;
    }

    ObjectEncoder<Object> inputEncoder() {
        return inputEncoder;
    }

    @Override
    public List<Expression> inputs() {
        return inputs;
    }

    @Override
    public List<Expression> children() {
        return inputs;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new TypedAggregate(aggregator, inputEncoder, c, udafName);
    }

    @Override
    public String name() {
        return udafName != null ? udafName : aggregator.name();
    }

    /**
     * Spark's column names: {@code udaf}'s is its name in lower case over its arguments
     * ({@code sumlength(s)}), unless {@code withName} gave one; {@code toColumn()}'s the aggregator's
     * name over the input class ({@code SumLength(java.lang.String)}).
     */
    @Override
    public String sql() {
        if (udafName == null) {
            return name() + "(" + (inputEncoder == null ? "unknown" : inputClassName()) + ")";
        }
        List<String> args = new ArrayList<>();
        for (Expression e : inputs) {
            args.add(e.sql());
        }
        return udafName + "(" + String.join(", ", args) + ")";
    }

    /**
     * The input class in the column's name. Rows are named as Spark names its {@code Row} class,
     * since the name is the column's: a ported program refers to the column by it.
     */
    private String inputClassName() {
        Class<?> c = inputEncoder.runtimeClass();
        return c == io.tideway.sql.Row.class ? "org.apache.spark.sql.Row" : c.getName();
    }

    @Override
    public DataType dataType() {
        ObjectEncoder<Object> out = ObjectEncoder.of(aggregator.outputEncoder());
        StructType schema = out.schema();
        return out.singleValue() ? schema.apply(0).dataType() : schema;
    }

    /** Nullable unless the result is a primitive ({@code Encoders.scalaDouble()}, as {@code javalang.typed}'s), as Spark's. */
    @Override
    public boolean nullable() {
        ObjectEncoder<Object> out = ObjectEncoder.of(aggregator.outputEncoder());
        return !out.singleValue() || out.schema().apply(0).nullable();
    }

    private TypedAggregateCodec codec() {
        if (inputEncoder == null) {
            throw new IllegalStateException(sql() + " has no input encoder: an Aggregator's toColumn() is used in "
                    + "Dataset.select or KeyValueGroupedDataset.agg, functions.udaf in untyped aggregations");
        }
        if (codecs == null) {
            codecs = ThreadLocal.withInitial(() -> new TypedAggregateCodec(this));
        }
        return codecs.get();
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        TypedAggregateCodec c = codec();
        Object buffer = heldLength < 0 ? aggregator.zero() : c.readBuffer(held, heldAt, heldLength);
        RowWriter row = c.inputRow();
        for (int i = 0; i < in.length; i++) {
            ValueWriter.write(in[i], inputs.get(i).dataType(), row, i);
        }
        return c.writeBuffer(aggregator.reduce(buffer, c.readInput(row)), out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0) {
            return UNCHANGED;
        }
        TypedAggregateCodec c = codec();
        Object mine = heldLength < 0 ? aggregator.zero() : c.readBuffer(held, heldAt, heldLength);
        return c.writeBuffer(aggregator.merge(mine, c.readBuffer(other, otherAt, otherLength)), out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        TypedAggregateCodec c = codec();
        Object buffer = heldLength < 0 ? aggregator.zero() : c.readBuffer(held, heldAt, heldLength);
        c.writeResult(aggregator.finish(buffer), dataType(), out, field);
    }
}
