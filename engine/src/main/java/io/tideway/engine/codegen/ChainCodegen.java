package io.tideway.engine.codegen;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.codegen.ChainExpressionCodegen;
import io.tideway.engine.expr.codegen.CodeValue.Kind;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.UnsupportedExpression;
import io.tideway.offheap.row.RowDescriptor;
import io.tideway.sql.types.DataTypes;

import java.util.List;

/**
 * Writes the Java source of one fused chain: a {@link CompiledChain} subclass whose
 * {@code accept} runs the stages in order over one input row — each projection into local
 * variables, each filter as an early return — and hands the last projection's row (or, with
 * filters only, the input row itself) to the next operator. A fixed-width output row is stored
 * word by word, exactly the bytes {@code RowWriter} would write. Used on the query thread.
 *
 * @param source    the class's source (also the compile cache key: constants are not in it)
 * @param constants values the constructor receives in {@code Object[]} (literals, scratch buffers)
 */
record ChainCodegen(String source, List<Object> constants) {
    static final String CLASS_NAME = "io.tideway.engine.codegen.generated.FusedChain";

    /** @throws UnsupportedExpression if some expression or type is not handled */
    static ChainCodegen generate(List<ChainStage> stages, int inputFields, EvalContext context) {
        StringBuilder body = new StringBuilder();
        ChainExpressionCodegen exprs = new ChainExpressionCodegen(body, inputFields, context);
        CodeValue[] columns = null;
        for (ChainStage stage : stages) {
            if (stage.isFilter()) {
                CodeValue c = exprs.gen(stage.condition());
                if (c.kind() != Kind.LONG) {
                    throw new UnsupportedExpression("filter on " + c.type().simpleString());
                }
                body.append("        if (").append(c.isNull()).append(" || ").append(c.value()).append(" == 0L) {\n")
                        .append("            return;\n        }\n");
            } else {
                List<Expression> list = stage.projection();
                CodeValue[] next = new CodeValue[list.size()];
                for (int i = 0; i < next.length; i++) {
                    next[i] = exprs.gen(list.get(i));
                    if (!next[i].type().equals(list.get(i).dataType())) {
                        throw new UnsupportedExpression("projection type " + list.get(i).dataType().simpleString());
                    }
                }
                columns = next;
                exprs.setFrame(columns);
            }
        }
        int outputFields = columns == null ? 0 : columns.length;
        if (columns == null) {
            body.append("        next.accept(buffer, offset, length);\n");
        } else if (allFixedWidth(columns)) {
            writeFixed(body, columns);
        } else {
            writeWithWriter(body, columns);
        }
        StringBuilder src = new StringBuilder();
        int dot = CLASS_NAME.lastIndexOf('.');
        src.append("package ").append(CLASS_NAME, 0, dot).append(";\n\n")
                .append("public final class ").append(CLASS_NAME.substring(dot + 1))
                .append(" extends io.tideway.engine.codegen.CompiledChain {\n");
        src.append(exprs.constantFields());
        src.append("\n    public ").append(CLASS_NAME.substring(dot + 1))
                .append("(io.tideway.engine.exec.Operator next, Object[] constants) {\n")
                .append("        super(next, ").append(outputFields).append(");\n");
        src.append(exprs.constantAssignments("constants"));
        src.append("    }\n\n    public void accept(org.agrona.DirectBuffer buffer, int offset, int length) {\n")
                .append(exprs.readsInput() ? ChainExpressionCodegen.inputCheck(inputFields) : "")
                .append(body).append("    }\n}\n");
        return new ChainCodegen(src.toString(), exprs.constants());
    }

    private static boolean allFixedWidth(CodeValue[] columns) {
        for (CodeValue c : columns) {
            if (c.kind() == Kind.BYTES || c.kind() == Kind.DECIMAL) {
                return false;
            }
        }
        return true;
    }

    /**
     * Null bitmap words then slots, as RowWriter.wrap + put/setNull leave them; no growth needed,
     * and no bounds checks: {@code out} was sized for the fixed row at construction.
     */
    private static void writeFixed(StringBuilder body, CodeValue[] columns) {
        int words = RowDescriptor.bitmapWords(columns.length);
        body.append("        final byte[] outBase = out.byteArray();\n")
                .append("        final long outAddress = out.addressOffset();\n");
        String put = "        " + ChainExpressionCodegen.UNSAFE + ".put";
        for (int w = 0; w < words; w++) {
            StringBuilder bits = new StringBuilder("0L");
            for (int i = w * 64; i < Math.min(columns.length, (w + 1) * 64); i++) {
                String isNull = columns[i].type() == DataTypes.NullType ? "true" : columns[i].isNull();
                bits.append(" | (").append(isNull).append(" ? ").append(1L << (i & 63)).append("L : 0L)");
            }
            body.append(put).append("Long(outBase, outAddress + ").append(w * 8).append(", ").append(bits).append(");\n");
        }
        for (int i = 0; i < columns.length; i++) {
            CodeValue c = columns[i];
            String slot = "outAddress + " + RowDescriptor.slotOffset(columns.length, i);
            if (c.type() == DataTypes.NullType) {
                body.append(put).append("Long(outBase, ").append(slot).append(", 0L);\n");
            } else if (c.kind() == Kind.DOUBLE) {
                body.append(put).append("Double(outBase, ").append(slot).append(", ").append(c.isNull()).append(" ? 0.0 : ")
                        .append(c.value()).append(");\n");
            } else {
                body.append(put).append("Long(outBase, ").append(slot).append(", ").append(c.isNull()).append(" ? 0L : ")
                        .append(c.value()).append(");\n");
            }
        }
        body.append("        next.accept(out, 0, ").append(RowDescriptor.fixedLength(columns.length)).append(");\n");
    }

    private static void writeWithWriter(StringBuilder body, CodeValue[] columns) {
        body.append("        io.tideway.offheap.row.RowWriter w = writer.wrap(out, 0, memory);\n");
        for (int i = 0; i < columns.length; i++) {
            CodeValue c = columns[i];
            if (c.type() == DataTypes.NullType) {
                body.append("        w.setNull(").append(i).append(");\n");
                continue;
            }
            body.append("        if (").append(c.isNull()).append(") { w.setNull(").append(i).append("); } else { ");
            switch (c.kind()) {
                case DOUBLE -> body.append("w.putDouble(").append(i).append(", ").append(c.value()).append(");");
                case LONG -> body.append("w.putLong(").append(i).append(", ").append(c.value()).append(");");
                case BYTES -> body.append("w.putBytes(").append(i).append(", ").append(c.value()).append(", ")
                        .append(c.offset()).append(", ").append(c.length()).append(");");
                case DECIMAL -> body.append("w.putDecimal(").append(i).append(", ").append(c.value()).append(", ")
                        .append(((io.tideway.sql.types.DecimalType) c.type()).precision()).append(");");
            }
            body.append(" }\n");
        }
        body.append("        next.accept(out, 0, w.finish());\n");
    }
}
