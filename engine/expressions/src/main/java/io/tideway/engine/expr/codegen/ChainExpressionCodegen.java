package io.tideway.engine.expr.codegen;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.offheap.row.RowDescriptor;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/**
 * The code of a fused chain's expressions, inlined into its {@code accept}. Column references
 * read either the input row in place ({@code buffer}/{@code offset} of {@code accept}, through
 * {@code inBase}/{@code inAddress} after {@link #inputCheck}) or the values an earlier projection
 * of the same chain computed. An expression without code throws {@link UnsupportedExpression}
 * (the caller then keeps the interpreted chain). Used on the query thread, once per chain.
 */
public final class ChainExpressionCodegen extends CodegenContext {
    /**
     * Unchecked memory access, as Spark's generated code reads {@code UnsafeRow} through
     * {@code Platform}: a bounds check per field was a third of a W1 row's cost on the task thread.
     */
    public static final String UNSAFE = "io.tideway.offheap.Memory";

    /**
     * The statements that open {@code accept}: one bounds check of the input row's fixed part
     * (its null bitmap and slots), then its base object and address for the unchecked reads.
     */
    public static String inputCheck(int inputFields) {
        return "        buffer.boundsCheck(offset, " + RowDescriptor.fixedLength(inputFields) + ");\n"
                + "        final Object inBase = buffer.byteArray();\n"
                + "        final long inAddress = buffer.addressOffset() + offset;\n";
    }

    private final int inputFields;
    /** The current columns, or null while they are the input row's. */
    private CodeValue[] frame;
    /** Whether some statement reads the input row (then {@code accept} starts with {@link #inputCheck}). */
    private boolean readsInput;

    public ChainExpressionCodegen(StringBuilder code, int inputFields, EvalContext evalContext) {
        super(code, evalContext);
        this.inputFields = inputFields;
    }

    public boolean readsInput() {
        return readsInput;
    }

    /** From now on column references mean these values (the output of a projection). */
    public void setFrame(CodeValue[] columns) {
        this.frame = columns;
    }

    @Override
    public CodeValue gen(Expression e) {
        if (e instanceof Alias a) {
            return gen(a.child());
        }
        return e.genCode(this);
    }

    @Override
    public CodeValue column(int ordinal, DataType t) {
        if (frame != null) {
            if (ordinal >= frame.length) {
                throw new UnsupportedExpression("column " + ordinal + " of " + frame.length);
            }
            CodeValue v = frame[ordinal];
            if (!v.type().equals(t)) {
                throw new UnsupportedExpression("column type " + v.type() + " read as " + t);
            }
            return v;
        }
        if (ordinal >= inputFields) {
            throw new UnsupportedExpression("column " + ordinal + " of " + inputFields);
        }
        readsInput = true;
        CodeValue v = declare(t);
        // the fixed part was bounds-checked once per row (inputCheck): plain reads at inBase/inAddress
        String slot = "inAddress + " + RowDescriptor.slotOffset(inputFields, ordinal);
        line(v.isNull() + " = (" + UNSAFE + ".getLong(inBase, inAddress + " + ((ordinal >>> 6) << 3) + ") & "
                + (1L << (ordinal & 63)) + "L) != 0L;");
        if (v.kind() == CodeValue.Kind.DOUBLE) {
            line(v.value() + " = " + UNSAFE + ".getDouble(inBase, " + slot + ");");
        } else if (t == DataTypes.IntegerType || t == DataTypes.DateType) {
            line(v.value() + " = " + UNSAFE + ".getInt(inBase, " + slot + ");");
        } else if (t == DataTypes.BooleanType) {
            line(v.value() + " = " + UNSAFE + ".getByte(inBase, " + slot + ") != 0 ? 1L : 0L;");
        } else if (v.kind() == CodeValue.Kind.LONG) {
            line(v.value() + " = " + UNSAFE + ".getLong(inBase, " + slot + ");");
        } else if (t instanceof io.tideway.sql.types.DecimalType dt && dt.precision() <= RowDescriptor.MAX_LONG_DIGITS) {
            line("if (!" + v.isNull() + ") { " + v.value() + " = java.math.BigDecimal.valueOf(" + UNSAFE
                    + ".getLong(inBase, " + slot + "), " + dt.scale() + "); }");
        } else if (t instanceof io.tideway.sql.types.DecimalType dt) {
            line("if (!" + v.isNull() + ") { long w = " + UNSAFE + ".getLong(inBase, " + slot + "); " + v.value() + " = "
                    + io.tideway.engine.expr.DecimalKernels.class.getName() + ".read(buffer, offset + (int) (w >>> 32), (int) w, "
                    + dt.scale() + "); }");
        } else {
            line("if (!" + v.isNull() + ") { long w = " + UNSAFE + ".getLong(inBase, " + slot + "); " + v.value()
                    + " = buffer; " + v.offset() + " = offset + (int) (w >>> 32); " + v.length() + " = (int) w; }");
        }
        return v;
    }
}
