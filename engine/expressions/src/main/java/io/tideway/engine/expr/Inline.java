package io.tideway.engine.expr;

import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.List;

/**
 * {@code inline(array<struct>)} and {@code inline_outer}, as Spark's {@code Inline}: one row per
 * struct of the array, its fields as the columns (named as the struct's fields; all nullable when
 * the array may hold a null struct, which gives a row of nulls).
 */
public final class Inline extends UnaryGenerator {
    private static final long serialVersionUID = 1L;
    public Inline(Expression child, boolean outer) {
        super(child, outer);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Inline(c.get(0), outer());
    }

    @Override
    protected String baseName() {
        return "inline";
    }

    @Override
    public StructType elementSchema() {
        if (child.dataType() instanceof ArrayType at && at.elementType() instanceof StructType st) {
            if (!at.containsNull()) {
                return st;
            }
            StructType nullable = new StructType();
            for (StructField f : st.fields()) {
                nullable = nullable.add(f.name(), f.dataType(), true);
            }
            return nullable;
        }
        throw unexpectedInput("\"ARRAY<STRUCT>\"");
    }

    @Override
    public GeneratorRows rows(EvalContext context) {
        StructType schema = elementSchema();
        boolean[] inSlot = new boolean[schema.length()];
        for (int f = 0; f < inSlot.length; f++) {
            DataType t = schema.apply(f).dataType();
            inSlot[f] = t.isFixedWidth() || t == DataTypes.NullType;
        }
        return new Rows(child.evaluator(context), inSlot);
    }

    /** Each struct's fields copied slot by slot (or their bytes) into the output row. */
    private static final class Rows implements GeneratorRows {
        private final Evaluator array;
        private final boolean[] inSlot;
        private final ArrayReader elements = new ArrayReader();
        private final RowReader struct;

        Rows(Evaluator array, boolean[] inSlot) {
            this.array = array;
            this.inSlot = inSlot;
            this.struct = new RowReader(inSlot.length);
        }

        @Override
        public int start(RowReader in) {
            array.eval(in);
            if (array.isNull) {
                return 0;
            }
            elements.wrap(array.buf, array.off, array.len);
            return elements.count();
        }

        @Override
        public void write(int i, RowWriter out, int first) {
            if (elements.isNullAt(i)) {
                for (int f = 0; f < inSlot.length; f++) {
                    out.setNull(first + f);
                }
                return;
            }
            struct.wrap(elements.buffer(), elements.varOffset(i), elements.varLength(i));
            for (int f = 0; f < inSlot.length; f++) {
                if (struct.isNullAt(f)) {
                    out.setNull(first + f);
                } else if (inSlot[f]) {
                    out.putLong(first + f, struct.getLong(f));
                } else {
                    out.putBytes(first + f, struct.buffer(), struct.varOffset(f), struct.varLength(f));
                }
            }
        }
    }
}
