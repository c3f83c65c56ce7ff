package io.tideway.engine.expr;

import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/** {@code count(x)} counts non-null values; {@code count(*)} ({@code count(1)}) counts rows. */
public final class Count extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    /** Whether the user wrote {@code count(*)}, which {@code Column.toString} prints so (its SQL name is {@code count(1)}). */
    private final boolean star;

    public Count(Expression child) {
        this(child, false);
    }

    private Count(Expression child, boolean star) {
        super(child);
        this.star = star;
    }

    /** {@code count(*)}: counts rows, as {@code count(1)}. */
    public static Count star() {
        return new Count(Literal.of(1), true);
    }

    public boolean isStar() {
        return star;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Count(c.get(0), star);
    }

    @Override
    public String name() {
        return "count";
    }

    @Override
    public DataType dataType() {
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public int bufferWords() {
        return 1;
    }

    @Override
    public void initialize(MutableDirectBuffer b, int at) {
        b.putLong(at, 0L);
    }

    @Override
    public void update(MutableDirectBuffer b, int at, Evaluator in) {
        if (!in.isNull) {
            b.putLong(at, b.getLong(at) + 1);
        }
    }

    @Override
    public void merge(MutableDirectBuffer b, int at, DirectBuffer src, int srcAt) {
        b.putLong(at, b.getLong(at) + src.getLong(srcAt));
    }

    @Override
    public void writeResult(DirectBuffer b, int at, RowWriter out, int field) {
        out.putLong(field, b.getLong(at));
    }
}
