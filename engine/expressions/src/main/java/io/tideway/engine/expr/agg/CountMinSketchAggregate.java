package io.tideway.engine.expr.agg;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.util.sketch.CountMinSketch;
import io.tideway.util.sketch.CountMinSketchDescriptor;
import io.tideway.util.sketch.IncompatibleMergeException;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code count_min_sketch(x, eps, confidence, seed)}: Spark's {@code CountMinSketchAgg}, a
 * {@link CountMinSketch} of the non-null values (integral numbers as longs, strings and binaries
 * as their bytes) serialized in Spark's format; no rows give the empty sketch. eps and confidence
 * must be constant doubles (no implicit cast, as Spark's {@code ExpectsInputTypes}), the seed a
 * constant int or bigint. The held state is the serialized sketch: a row bumps its counters in
 * place ({@link CountMinSketchDescriptor}); partial sketches merge as whole sketches.
 */
public final class CountMinSketchAggregate extends HeldAggregate {
    private static final long serialVersionUID = 1L;
    private final Expression eps;
    private final Expression confidence;
    private final Expression seed;

    public CountMinSketchAggregate(Expression child, Expression eps, Expression confidence, Expression seed) {
        super(child);
        this.eps = eps;
        this.confidence = confidence;
        this.seed = seed;
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new CountMinSketchAggregate(c.get(0), c.get(1), c.get(2), c.get(3));
    }

    @Override
    public List<Expression> children() {
        return List.of(child, eps, confidence, seed);
    }

    @Override
    public String name() {
        return "count_min_sketch";
    }

    @Override
    public String sql() {
        return name() + "(" + child.sql() + ", " + eps.sql() + ", " + confidence.sql() + ", " + seed.sql() + ")";
    }

    @Override
    public DataType dataType() {
        DataType t = child.dataType();
        boolean integral = t == DataTypes.ByteType || t == DataTypes.ShortType || t == DataTypes.IntegerType
                || t == DataTypes.LongType;
        if (!(integral || t == DataTypes.StringType || t == DataTypes.BinaryType)) {
            throw inputType(0, child, "(\"INTEGRAL\" or \"STRING\" or \"BINARY\")");
        }
        if (eps.dataType() != DataTypes.DoubleType) {
            throw inputType(1, eps, ErrorParams.type(DataTypes.DoubleType));
        }
        if (confidence.dataType() != DataTypes.DoubleType) {
            throw inputType(2, confidence, ErrorParams.type(DataTypes.DoubleType));
        }
        if (seed.dataType() != DataTypes.IntegerType && seed.dataType() != DataTypes.LongType) {
            throw inputType(3, seed, "(\"INT\" or \"BIGINT\")");
        }
        foldable(eps, "eps");
        foldable(confidence, "confidence");
        foldable(seed, "seed");
        notNull(eps, "eps");
        notNull(confidence, "confidence");
        notNull(seed, "seed");
        double e = ((Number) valueOf(eps)).doubleValue();
        double c = ((Number) valueOf(confidence)).doubleValue();
        if (e <= 0.0) {
            throw mismatch("VALUE_OUT_OF_RANGE", Map.of("exprName", "eps", "valueRange", "(0.0, 1.7976931348623157E308]",
                    "currentValue", ErrorParams.value(e, DataTypes.DoubleType)));
        }
        if (c <= 0.0 || c >= 1.0) {
            throw mismatch("VALUE_OUT_OF_RANGE", Map.of("exprName", "confidence", "valueRange", "(0.0, 1.0]",
                    "currentValue", ErrorParams.value(c, DataTypes.DoubleType)));
        }
        return DataTypes.BinaryType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    /** Spark's NON_FOLDABLE_INPUT for a parameter that is not a constant. */
    private void foldable(Expression e, String name) {
        if (!isFoldable(e)) {
            throw mismatch("NON_FOLDABLE_INPUT", Map.of("inputName", ErrorParams.id(name),
                    "inputType", ErrorParams.type(e.dataType()), "inputExpr", ErrorParams.expr(e.sql())));
        }
    }

    /** Spark's UNEXPECTED_NULL for a NULL parameter. */
    private void notNull(Expression e, String name) {
        if (valueOf(e) == null) {
            throw mismatch("UNEXPECTED_NULL", Map.of("exprName", name));
        }
    }

    /** A constant as these parameters take one: a literal, or casts of one ({@code CAST(NULL AS DOUBLE)}). */
    private static boolean isFoldable(Expression e) {
        return e instanceof Literal || e instanceof Cast c && isFoldable(c.child());
    }

    /** The value of a {@linkplain #isFoldable foldable} parameter: null, a double or a long. */
    private static Object valueOf(Expression e) {
        if (e instanceof Literal l) {
            return l.value();
        }
        Evaluator ev = e.evaluator(new EvalContext());
        ev.eval(null);
        if (ev.isNull) {
            return null;
        }
        return e.dataType() == DataTypes.DoubleType ? (Object) ev.d : (Object) ev.l;
    }

    private RuntimeException inputType(int index, Expression e, String required) {
        return mismatch("UNEXPECTED_INPUT_TYPE", Map.of("paramIndex", ErrorParams.ordinal(index),
                "requiredType", required, "inputSql", ErrorParams.expr(e.sql()), "inputType", ErrorParams.type(e.dataType())));
    }

    private RuntimeException mismatch(String subclass, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("sqlExpr", ErrorParams.expr(sql()));
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH." + subclass, all, sqlOrigin()));
    }

    private CountMinSketch empty() {
        return CountMinSketch.create(((Number) valueOf(eps)).doubleValue(), ((Number) valueOf(confidence)).doubleValue(),
                ((Number) valueOf(seed)).intValue());
    }

    private CountMinSketch held(DirectBuffer b, int at, int len) {
        if (len < 0) {
            return empty();
        }
        byte[] bytes = new byte[len];
        b.getBytes(at, bytes);
        try {
            return CountMinSketch.readFrom(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int write(CountMinSketch s, ExpandableArrayBuffer out) {
        byte[] bytes = bytes(s);
        out.putBytes(0, bytes);
        return bytes.length;
    }

    private static byte[] bytes(CountMinSketch s) {
        try {
            return s.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator e = in[0];
        if (e.isNull) {
            return UNCHANGED;
        }
        int length;
        if (heldLength < 0) {
            length = write(empty(), out);
        } else {
            out.putBytes(0, held, heldAt, heldLength);
            length = heldLength;
        }
        // counted in the held bytes themselves: the sketch is never read back whole per row
        DataType t = child.dataType();
        if (t == DataTypes.StringType || t == DataTypes.BinaryType) {
            byte[] bytes = new byte[e.len];
            e.buf.getBytes(e.off, bytes);
            CountMinSketchDescriptor.addBinary(out, 0, bytes);
        } else {
            CountMinSketchDescriptor.addLong(out, 0, e.l);
        }
        return length;
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0) {
            return UNCHANGED;
        }
        CountMinSketch mine = held(held, heldAt, heldLength);
        try {
            mine.mergeInPlace(held(other, otherAt, otherLength));
        } catch (IncompatibleMergeException e) {
            throw new IllegalStateException(e);
        }
        return write(mine, out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        out.putBytes(field, bytes(held(held, heldAt, heldLength)));
    }
}
