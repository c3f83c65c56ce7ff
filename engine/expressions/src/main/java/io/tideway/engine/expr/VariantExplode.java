package io.tideway.engine.expr;

import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import io.tideway.types.variant.Variant;
import io.tideway.types.variant.VariantKind;
import io.tideway.types.variant.VariantLayout;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code variant_explode(v)} and {@code variant_explode_outer}, as Spark's {@code VariantExplode}:
 * one row per field of a variant object ({@code pos}, {@code key}, {@code value}) or element of a
 * variant array ({@code key} null); any other value, a variant null or a SQL NULL gives none.
 * Each value keeps its parent's metadata, as Spark's does.
 */
public final class VariantExplode extends UnaryGenerator {
    private static final long serialVersionUID = 1L;
    public VariantExplode(Expression child, boolean outer) {
        super(child, outer);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new VariantExplode(c.get(0), outer());
    }

    @Override
    protected String baseName() {
        return "variant_explode";
    }

    @Override
    public StructType elementSchema() {
        if (child.dataType() != DataTypes.VariantType && child.dataType() != DataTypes.NullType) {
            throw unexpectedInput("\"VARIANT\"");
        }
        return new StructType().add("pos", DataTypes.IntegerType, false).add("key", DataTypes.StringType, true)
                .add("value", DataTypes.VariantType, false);
    }

    @Override
    public GeneratorRows rows(EvalContext context) {
        return new Rows(child.evaluator(context));
    }

    /** The fields or elements of each row's variant. */
    private static final class Rows implements GeneratorRows {
        private final Evaluator input;
        private Variant variant;

        Rows(Evaluator input) {
            this.input = input;
        }

        @Override
        public int start(RowReader in) {
            input.eval(in);
            if (input.isNull) {
                return 0;
            }
            variant = VariantLayout.read(input.buf, input.off, input.len);
            VariantKind k = variant.kind();
            return k == VariantKind.OBJECT || k == VariantKind.ARRAY ? variant.size() : 0;
        }

        @Override
        public void write(int i, RowWriter out, int first) {
            out.putInt(first, i);
            Variant value;
            if (variant.kind() == VariantKind.OBJECT) {
                byte[] key = variant.fieldKey(i).getBytes(StandardCharsets.UTF_8);
                out.putBytes(first + 1, new UnsafeBuffer(key), 0, key.length);
                value = variant.fieldValue(i);
            } else {
                out.setNull(first + 1);
                value = variant.element(i);
            }
            byte[] field = VariantLayout.encode(value.valueBytes(), variant.metadata());
            out.putBytes(first + 2, new UnsafeBuffer(field), 0, field.length);
        }
    }
}
