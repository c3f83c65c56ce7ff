package io.tideway.engine.expr.agg;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

import java.util.List;
import java.util.Map;

/**
 * {@code hll_union_agg(sketch[, allowDifferentLgConfigK])}: Spark's {@code HllUnionAgg}, the union
 * of the non-null sketches (as wide as the first one's lg_config_k), serialized (updatable) as an HLL_8
 * sketch (over none, an empty one of lg_config_k 12). Sketches of different lg_config_k fail unless allowed. The held
 * state is the union's updatable serialization.
 */
public final class HllUnionAggregate extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final Expression allowDifferentLgConfigK;

    public HllUnionAggregate(Expression child, Expression allowDifferentLgConfigK) {
        super(child);
        this.allowDifferentLgConfigK = allowDifferentLgConfigK;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new HllUnionAggregate(c.get(0), allowDifferentLgConfigK);
    }

    @Override
    public String name() {
        return "hll_union_agg";
    }

    @Override
    public String sql() {
        return name() + "(" + child.sql() + ", " + allowDifferentLgConfigK.sql() + ")";
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        if (t != DataTypes.BinaryType && t != DataTypes.NullType) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "paramIndex", "first", "requiredType", "\"BINARY\"",
                    "inputSql", ErrorParams.expr(child.sql()), "inputType", ErrorParams.type(t)), sqlOrigin()));
        }
        return DataTypes.BinaryType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    private boolean allowed() {
        return allowDifferentLgConfigK instanceof io.tideway.engine.expr.Literal l && Boolean.TRUE.equals(l.value());
    }

    private static Union held(DirectBuffer b, int at, int len) {
        byte[] bytes = new byte[len];
        b.getBytes(at, bytes);
        return Union.heapify(Memory.wrap(bytes));
    }

    private static int write(Union u, ExpandableArrayBuffer out) {
        byte[] bytes = u.toUpdatableByteArray();
        out.putBytes(0, bytes);
        return bytes.length;
    }

    /** Folds {@code sketch} into the held union (a new one as wide as the sketch if none). */
    private int fold(DirectBuffer held, int heldAt, int heldLength, HllSketch sketch, ExpandableArrayBuffer out) {
        Union u = heldLength < 0 ? new Union(sketch.getLgConfigK()) : held(held, heldAt, heldLength);
        if (!allowed() && u.getLgConfigK() != sketch.getLgConfigK()) {
            throw HllSketches.differentLgK(u.getLgConfigK(), sketch.getLgConfigK(), name());
        }
        u.update(sketch);
        return write(u, out);
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator e = in[0];
        if (e.isNull) {
            return UNCHANGED;
        }
        return fold(held, heldAt, heldLength, HllSketches.read(e.buf, e.off, e.len, name()), out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0) {
            return UNCHANGED;
        }
        return fold(held, heldAt, heldLength, held(other, otherAt, otherLength).getResult(TgtHllType.HLL_8), out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        if (heldLength < 0) { // no sketch: Spark's empty union of the default lg_config_k
            out.putBytes(field, new Union(HllSketches.DEFAULT_LG_K).getResult(TgtHllType.HLL_8).toUpdatableByteArray());
        } else {
            out.putBytes(field, held(held, heldAt, heldLength).getResult(TgtHllType.HLL_8).toUpdatableByteArray());
        }
    }
}
