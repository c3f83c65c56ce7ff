package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.MapDescriptor;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;

import java.util.List;
import java.util.Map;

/**
 * {@code explode}, {@code posexplode} and their {@code _outer} forms, as Spark's
 * {@code ExplodeBase}: one row per element of an array (column {@code col}) or per entry of a map
 * ({@code key}, {@code value}), with the element's position first ({@code pos}) for
 * {@code posexplode}. A null or empty input gives no rows, or with {@code outer} one row of nulls.
 */
public final class Explode extends Generator {
    private static final long serialVersionUID = 1L;
    private final Expression child;
    private final boolean outer;
    private final boolean position;

    public Explode(Expression child) {
        this(child, false);
    }

    public Explode(Expression child, boolean outer) {
        this(child, outer, false);
    }

    public Explode(Expression child, boolean outer, boolean position) {
        this.child = child;
        this.outer = outer;
        this.position = position;
    }

    @Override
    public boolean outer() {
        return outer;
    }

    /** Whether the element's position comes first ({@code posexplode}). */
    public boolean position() {
        return position;
    }

    public Expression child() {
        return child;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Explode(c.get(0), outer, position);
    }

    @Override
    public String prettyName() {
        return (position ? "posexplode" : "explode") + (outer ? "_outer" : "");
    }

    @Override
    public StructType elementSchema() {
        StructType s = new StructType();
        if (position) {
            s = s.add("pos", DataTypes.IntegerType, false);
        }
        DataType t = child.dataType();
        if (t instanceof ArrayType at) {
            return s.add("col", at.elementType(), at.containsNull());
        }
        if (t instanceof MapType mt) {
            return s.add("key", mt.keyType(), false).add("value", mt.valueType(), mt.valueContainsNull());
        }
        throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                "sqlExpr", ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(0),
                "requiredType", "(\"ARRAY\" or \"MAP\")", "inputSql", ErrorParams.expr(child.sql()),
                "inputType", ErrorParams.type(t)), sqlOrigin()));
    }

    @Override
    public GeneratorRows rows(EvalContext context) {
        elementSchema(); // refuses a non-collection first
        return new Rows(child.evaluator(context), child.dataType(), position);
    }

    /** The elements (or keys and values) of the evaluated collection, written slot by slot. */
    private static final class Rows implements GeneratorRows {
        private final Evaluator collection;
        private final boolean map;
        private final boolean position;
        private final boolean firstInSlot;
        private final boolean secondInSlot;
        private final ArrayReader first = new ArrayReader();
        private final ArrayReader second = new ArrayReader();

        Rows(Evaluator collection, DataType type, boolean position) {
            this.collection = collection;
            this.position = position;
            this.map = type instanceof MapType;
            this.firstInSlot = inSlot(map ? ((MapType) type).keyType() : ((ArrayType) type).elementType());
            this.secondInSlot = map && inSlot(((MapType) type).valueType());
        }

        private static boolean inSlot(DataType t) {
            return t.isFixedWidth() || t == DataTypes.NullType;
        }

        @Override
        public int start(RowReader in) {
            collection.eval(in);
            if (collection.isNull) {
                return 0;
            }
            if (map) {
                MapDescriptor.wrap(collection.buf, collection.off, collection.len, first, second);
            } else {
                first.wrap(collection.buf, collection.off, collection.len);
            }
            return first.count();
        }

        @Override
        public void write(int i, RowWriter out, int field) {
            if (position) {
                out.putInt(field++, i);
            }
            copy(first, i, firstInSlot, out, field);
            if (map) {
                copy(second, i, secondInSlot, out, field + 1);
            }
        }

        private static void copy(ArrayReader a, int i, boolean inSlot, RowWriter out, int field) {
            if (a.isNullAt(i)) {
                out.setNull(field);
            } else if (inSlot) {
                out.putLong(field, a.getLong(i));
            } else {
                out.putBytes(field, a.buffer(), a.varOffset(i), a.varLength(i));
            }
        }
    }
}
