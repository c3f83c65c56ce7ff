package io.tideway.engine.expr.agg;

import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.AggregateFunction;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code f(DISTINCT ...)}: {@code count(DISTINCT a, b)}, {@code sum(DISTINCT x)}, {@code avg(DISTINCT x)}
 * and any other aggregate over the distinct rows of its inputs, leaving out rows with a null input.
 * Holds the distinct input tuples as a {@link HeldList} whose every entry is the inputs' values
 * one after another (each a 4-byte length and its {@link ValueCodec} bytes), and runs the wrapped
 * aggregate over them when the result is written. Spark refuses it on streams (the checker at
 * {@code start()}), so the held set lives only as long as a static query.
 */
public final class DistinctAggregate extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction inner;
    private final List<Expression> args;

    private DistinctAggregate(AggregateFunction inner, List<Expression> args) {
        super(args.get(0));
        this.inner = inner;
        this.args = List.copyOf(args);
    }

    /** {@code name(DISTINCT args)}: {@code count} takes several arguments, any other aggregate its usual ones. */
    public static Expression call(String name, List<Expression> args) {
        boolean count = name.equalsIgnoreCase("count");
        Expression f = FunctionRegistry.call(name, count ? args.subList(0, 1) : args);
        if (f instanceof ListAgg l) {
            return l.distinct(); // its values once each, in arrival order or sorted WITHIN GROUP
        }
        if (!(f instanceof AggregateFunction a)) {
            throw Unchecked.raise(new AnalysisException("DISTINCT is only allowed in an aggregate function, not in "
                    + name + "(...)"));
        }
        return new DistinctAggregate(a, count ? args : a.children());
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        boolean count = inner instanceof io.tideway.engine.expr.Count;
        AggregateFunction rebuilt = (AggregateFunction) inner.withChildren(count ? c.subList(0, 1) : c);
        return new DistinctAggregate(rebuilt, c);
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    /** The inputs the set keeps: a multi-column count's columns, else the wrapped aggregate's inputs. */
    @Override
    public List<Expression> inputs() {
        return args.size() > 1 && inner instanceof io.tideway.engine.expr.Count ? args : inner.inputs();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder(inner.name()).append("(DISTINCT ");
        for (int i = 0; i < args.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(args.get(i).sql());
        }
        return b.append(')').toString();
    }

    @Override
    public DataType dataType() {
        return inner.dataType();
    }

    @Override
    public boolean nullable() {
        return inner.nullable();
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        List<Expression> inputs = inputs();
        int n = Math.max(0, heldLength);
        int at = n + HeldList.LENGTH_BYTES;
        for (int i = 0; i < in.length; i++) {
            if (in[i].isNull) {
                return UNCHANGED;
            }
            int len = ValueCodec.encode(in[i], inputs.get(i).dataType(), out, at + HeldList.LENGTH_BYTES);
            out.putInt(at, len);
            at += HeldList.LENGTH_BYTES + len;
        }
        int tupleLength = at - n - HeldList.LENGTH_BYTES;
        if (contains(held, heldAt, n, out, n + HeldList.LENGTH_BYTES, tupleLength)) {
            return UNCHANGED;
        }
        out.putInt(n, tupleLength);
        if (n > 0) {
            out.putBytes(0, held, heldAt, n);
        }
        return at;
    }

    /** Whether the set holds the tuple of {@code len} bytes at {@code v} (one value: as Spark's grouping compares it). */
    private boolean contains(DirectBuffer b, int at, int length, DirectBuffer v, int vAt, int len) {
        if (inputs().size() == 1) {
            int valueLength = v.getInt(vAt);
            for (int p = at, end = at + length; p < end; p = HeldList.next(b, p)) {
                int q = HeldList.valueAt(p);
                if (ValueCodec.same(b, q + HeldList.LENGTH_BYTES, b.getInt(q), v, vAt + HeldList.LENGTH_BYTES, valueLength,
                        inputs().get(0).dataType())) {
                    return true;
                }
            }
            return false;
        }
        for (int p = at, end = at + length; p < end; p = HeldList.next(b, p)) {
            if (HeldList.valueLength(b, p) == len
                    && io.tideway.engine.expr.Bytes.compare(b, HeldList.valueAt(p), len, v, vAt, len) == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength <= 0) {
            return UNCHANGED;
        }
        int n = Math.max(0, heldLength);
        if (n > 0) {
            out.putBytes(0, held, heldAt, n);
        }
        for (int p = otherAt, end = otherAt + otherLength; p < end; p = HeldList.next(other, p)) {
            int len = HeldList.valueLength(other, p);
            if (!contains(out, 0, n, other, HeldList.valueAt(p), len)) {
                out.putBytes(n, other, p, HeldList.LENGTH_BYTES + len);
                n += HeldList.LENGTH_BYTES + len;
            }
        }
        return n;
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        List<Expression> inputs = inputs();
        Evaluator[] values = new Evaluator[inputs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = new ValueCodec.Held();
        }
        List<int[]> tuples = new ArrayList<>();
        for (int p = heldAt, end = heldAt + Math.max(0, heldLength); p < end; p = HeldList.next(held, p)) {
            tuples.add(new int[] {HeldList.valueAt(p)});
        }
        if (!inner.variableWidth()) {
            UnsafeBuffer state = new UnsafeBuffer(new byte[Math.max(8, inner.bufferWords() * 8)]);
            inner.initialize(state, 0);
            for (int[] t : tuples) {
                load(held, t[0], inputs, values);
                inner.update(state, 0, values);
            }
            inner.writeResult(state, 0, out, field);
            return;
        }
        ExpandableArrayBuffer current = new ExpandableArrayBuffer(64);
        ExpandableArrayBuffer next = new ExpandableArrayBuffer(64);
        int length = (int) NO_VALUE;
        for (int[] t : tuples) {
            load(held, t[0], inputs, values);
            int n = inner.updateHeld(current, 0, length, values, next);
            if (n != UNCHANGED) {
                ExpandableArrayBuffer swap = current;
                current = next;
                next = swap;
                length = n;
            }
        }
        inner.writeHeld(current, 0, length, out, field);
    }

    private static void load(DirectBuffer held, int at, List<Expression> inputs, Evaluator[] values) {
        for (int i = 0; i < values.length; i++) {
            int len = held.getInt(at);
            ValueCodec.load(held, at + HeldList.LENGTH_BYTES, len, inputs.get(i).dataType(), values[i]);
            at += HeldList.LENGTH_BYTES + len;
        }
    }
}
