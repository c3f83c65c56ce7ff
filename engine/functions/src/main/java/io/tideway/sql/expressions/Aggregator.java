package io.tideway.sql.expressions;

import io.tideway.engine.expr.agg.TypedAggregate;
import io.tideway.sql.Encoder;
import io.tideway.sql.TypedColumn;

import java.io.Serializable;

/**
 * A user-defined typed aggregation, mirroring Spark's {@code Aggregator}: a buffer started at
 * {@link #zero()}, folded with each input by {@link #reduce}, partial buffers combined by
 * {@link #merge}, and the result made by {@link #finish}. The buffer is kept between rows as its
 * {@link #bufferEncoder()}'s row, so in a streaming aggregation it is state that survives a
 * restart from the checkpoint. Use it as {@link #toColumn()} in {@code KeyValueGroupedDataset.agg}
 * and {@code Dataset.select}, or through {@code functions.udaf} in untyped aggregations.
 * Instances are serializable and called from the task threads: the methods must not share
 * mutable state.
 *
 * @param <IN>  the input type
 * @param <BUF> the buffer's type
 * @param <OUT> the result's type
 */
public abstract class Aggregator<IN, BUF, OUT> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The name a column of this aggregator takes, as Spark's: the class's simple name. */
    public String name() {
        String n = getClass().getSimpleName();
        return n.endsWith("$") ? n.substring(0, n.length() - 1) : n;
    }

    /** The empty buffer; {@code merge(b, zero())} must be {@code b}. */
    public abstract BUF zero();

    /** Folds one input into the buffer; may update {@code b} and return it. */
    public abstract BUF reduce(BUF b, IN a);

    /** Combines two partial buffers. */
    public abstract BUF merge(BUF b1, BUF b2);

    /** The result of the final buffer. */
    public abstract OUT finish(BUF reduction);

    /**
     * The encoder of the buffer, which decides how it is kept between rows (and in streaming
     * state).
     */
    public abstract Encoder<BUF> bufferEncoder();

    /** The encoder of the result, which decides the result column's type. */
    public abstract Encoder<OUT> outputEncoder();

    /** This aggregator as a column of {@code Dataset.select} or {@code KeyValueGroupedDataset.agg}, over their objects. */
    public TypedColumn<IN, OUT> toColumn() {
        return new TypedColumn<>(TypedAggregate.unbound(this), outputEncoder());
    }
}
