package io.tideway.engine.expr.agg;

import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.fn.VariantSchema;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.types.variant.VariantLayout;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code schema_of_variant_agg(v)}: Spark's {@code SchemaOfVariantAgg}, the schemas of the
 * non-null variants merged as {@code schema_of_variant} merges array elements ({@code VOID} over
 * none). The held state is the merged schema ({@link VariantSchema#encode}).
 */
public final class SchemaOfVariantAggregate extends HeldAggregate {
    private static final long serialVersionUID = 1L;

    public SchemaOfVariantAggregate(Expression child) {
        super(child);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new SchemaOfVariantAggregate(c.get(0));
    }

    @Override
    public String name() {
        return "schema_of_variant_agg";
    }

    @Override
    public DataType dataType() {
        return DataTypes.StringType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    private static byte[] bytes(DirectBuffer b, int at, int len) {
        byte[] out = new byte[len];
        b.getBytes(at, out);
        return out;
    }

    private static int write(byte[] state, ExpandableArrayBuffer out) {
        out.putBytes(0, state);
        return state.length;
    }

    @Override
    public int updateHeld(DirectBuffer held, int heldAt, int heldLength, Evaluator[] in, ExpandableArrayBuffer out) {
        Evaluator e = in[0];
        if (e.isNull) {
            return UNCHANGED;
        }
        byte[] schema = VariantSchema.encode(VariantLayout.read(e.buf, e.off, e.len));
        return write(heldLength < 0 ? schema : VariantSchema.merge(bytes(held, heldAt, heldLength), schema), out);
    }

    @Override
    public int mergeHeld(DirectBuffer held, int heldAt, int heldLength, DirectBuffer other, int otherAt, int otherLength,
                         ExpandableArrayBuffer out) {
        if (otherLength < 0) {
            return UNCHANGED;
        }
        byte[] theirs = bytes(other, otherAt, otherLength);
        return write(heldLength < 0 ? theirs : VariantSchema.merge(bytes(held, heldAt, heldLength), theirs), out);
    }

    @Override
    public void writeHeld(DirectBuffer held, int heldAt, int heldLength, RowWriter out, int field) {
        String text = VariantSchema.text(heldLength < 0 ? null : bytes(held, heldAt, heldLength));
        out.putBytes(field, text.getBytes(StandardCharsets.UTF_8));
    }
}
