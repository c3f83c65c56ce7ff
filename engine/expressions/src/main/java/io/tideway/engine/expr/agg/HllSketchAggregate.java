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
import org.apache.datasketches.memory.Memory;

import java.util.List;
import java.util.Map;

/**
 * {@code hll_sketch_agg(x[, lgConfigK])}: Spark's {@code HllSketchAgg}, a DataSketches HLL_8
 * sketch of the non-null values (ints and bigints as longs, strings and binaries as their bytes;
 * an empty string or binary is skipped, as the library skips it), serialized updatable as Spark does. The held
 * state is the sketch's updatable serialization, so it survives state stores; partial sketches
 * merge through a union as Spark's. lgConfigK (default 12) must be a constant from 4 to 21.
 */
public final class HllSketchAggregate extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final Expression lgConfigK;

    public HllSketchAggregate(Expression child, Expression lgConfigK) {
        super(child);
        this.lgConfigK = lgConfigK;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new HllSketchAggregate(c.get(0), lgConfigK);
    }

    @Override
    public String name() {
        return "hll_sketch_agg";
    }

    @Override
    public String sql() {
        return name() + "(" + child.sql() + ", " + lgConfigK.sql() + ")";
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        if (!(t == DataTypes.IntegerType || t == DataTypes.LongType || t == DataTypes.StringType
                || t == DataTypes.BinaryType || t == DataTypes.NullType)) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "paramIndex", "first",
                    "requiredType", "(\"INT\" or \"BIGINT\" or \"STRING\" or \"BINARY\")",
                    "inputSql", ErrorParams.expr(child.sql()), "inputType", ErrorParams.type(t)), sqlOrigin()));
        }
        return DataTypes.BinaryType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    private int lgK() {
        Object v = lgConfigK instanceof io.tideway.engine.expr.Literal l ? l.value() : null;
        return HllSketches.checkLgK(v instanceof Number n ? n.intValue() : HllSketches.DEFAULT_LG_K, name());
    }

    private static HllSketch held(DirectBuffer b, int at, int len) {
        byte[] bytes = new byte[len];
        b.getBytes(at, bytes);
        return HllSketch.heapify(Memory.wrap(bytes));
    }

    private static int write(HllSketch s, ExpandableArrayBuffer out) {
        byte[] bytes = s.toUpdatableByteArray();
        out.putBytes(0, bytes);
        return bytes.length;
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator e = in[0];
        if (e.isNull) {
            return UNCHANGED;
        }
        HllSketch s = heldLength < 0 ? new HllSketch(lgK(), TgtHllType.HLL_8) : held(held, heldAt, heldLength);
        DataType t = child.dataType();
        if (t == DataTypes.IntegerType || t == DataTypes.LongType) {
            s.update(e.l);
        } else {
            byte[] bytes = new byte[e.len];
            e.buf.getBytes(e.off, bytes);
            s.update(bytes); // a string's UTF-8 bytes: the hash update(String) takes
        }
        return write(s, out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0) {
            return UNCHANGED;
        }
        HllSketch mine = heldLength < 0 ? new HllSketch(lgK(), TgtHllType.HLL_8) : held(held, heldAt, heldLength);
        return write(HllSketches.union(mine, held(other, otherAt, otherLength)), out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        HllSketch s = heldLength < 0 ? new HllSketch(lgK(), TgtHllType.HLL_8) : held(held, heldAt, heldLength);
        out.putBytes(field, s.toUpdatableByteArray());
    }
}
