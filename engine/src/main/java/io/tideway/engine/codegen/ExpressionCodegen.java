package io.tideway.engine.codegen;

import io.tideway.engine.codegen.CodeValue.Kind;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.Not;
import io.tideway.engine.expr.NullCheck;
import io.tideway.engine.expr.UnaryMinus;
import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowDescriptor;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/**
 * Generates Java statements that compute an expression into local variables, with exactly the
 * interpreted {@code Evaluator}s' semantics (nulls, int wrap-around, division by zero → null,
 * Spark's order for doubles ({@code SqlArithmetic.compare}), unsigned byte order for strings). Column references read either
 * the input row in place ({@code buffer}/{@code offset} of {@code accept}, through {@code inBase}/{@code inAddress}
 * after {@link #inputCheck}) or the values an
 * earlier projection of the same chain computed. Throws {@link UnsupportedExpression} for
 * anything else (the caller then keeps the interpreted chain). Used on the query thread, once
 * per chain.
 */
final class ExpressionCodegen {
    /**
     * Unchecked memory access, as Spark's generated code reads {@code UnsafeRow} through
     * {@code Platform}: a bounds check per field was a third of a W1 row's cost on the task thread.
     */
    static final String UNSAFE = "org.agrona.UnsafeApi";

    /**
     * The statements that open {@code accept}: one bounds check of the input row's fixed part
     * (its null bitmap and slots), then its base object and address for the unchecked reads.
     */
    static String inputCheck(int inputFields) {
        return "        buffer.boundsCheck(offset, " + RowDescriptor.fixedLength(inputFields) + ");\n"
                + "        final Object inBase = buffer.byteArray();\n"
                + "        final long inAddress = buffer.addressOffset() + offset;\n";
    }

    private final StringBuilder code;
    private final List<Object> constants;
    private final int inputFields;
    private int nextVar;
    /** The current columns, or null while they are the input row's. */
    private CodeValue[] frame;
    /** Whether some statement reads the input row (then {@code accept} starts with {@link #inputCheck}). */
    private boolean readsInput;
    /** The query's ANSI mode, passed to {@link SqlArithmetic} as a constant so the JIT folds it. */
    private final boolean ansi;
    private static final String MATH = "io.tideway.engine.expr.SqlArithmetic.";

    ExpressionCodegen(StringBuilder code, List<Object> constants, int inputFields, boolean ansi) {
        this.code = code;
        this.constants = constants;
        this.inputFields = inputFields;
        this.ansi = ansi;
    }

    boolean readsInput() {
        return readsInput;
    }

    /** From now on column references mean these values (the output of a projection). */
    void setFrame(CodeValue[] columns) {
        this.frame = columns;
    }

    CodeValue generate(Expression e) {
        if (e instanceof Alias a) {
            return generate(a.child());
        } else if (e instanceof BoundReference r) {
            return reference(r);
        } else if (e instanceof Literal l) {
            return literal(l);
        } else if (e instanceof Cast c) {
            return cast(c);
        } else if (e instanceof BinaryArithmetic b) {
            return arithmetic(b);
        } else if (e instanceof Comparison c) {
            return comparison(c);
        } else if (e instanceof Logical l) {
            return logical(l);
        } else if (e instanceof Not n) {
            return not(n);
        } else if (e instanceof NullCheck n) {
            return nullCheck(n);
        } else if (e instanceof UnaryMinus u) {
            return minus(u);
        }
        throw new UnsupportedExpression(e.getClass().getSimpleName());
    }

    private static Kind kind(DataType t) {
        Kind k = CodeValue.kindOf(t);
        if (k == null) {
            throw new UnsupportedExpression(t.simpleString());
        }
        return k;
    }

    /** Declares the variables of a new value of {@code type}, initialised to null/zero. */
    private CodeValue declare(DataType type) {
        Kind k = kind(type);
        int n = nextVar++;
        CodeValue v = switch (k) {
            case LONG -> new CodeValue(type, k, "n" + n, "l" + n, null, null);
            case DOUBLE -> new CodeValue(type, k, "n" + n, "d" + n, null, null);
            case BYTES -> new CodeValue(type, k, "n" + n, "b" + n, "o" + n, "s" + n);
        };
        line("boolean " + v.isNull() + " = true;");
        switch (k) {
            case LONG -> line("long " + v.value() + " = 0L;");
            case DOUBLE -> line("double " + v.value() + " = 0.0;");
            case BYTES -> line("org.agrona.DirectBuffer " + v.value() + " = null; int " + v.offset() + " = 0; int "
                    + v.length() + " = 0;");
        }
        return v;
    }

    private void line(String s) {
        code.append("        ").append(s).append('\n');
    }

    private CodeValue reference(BoundReference r) {
        if (frame != null) {
            if (r.ordinal() >= frame.length) {
                throw new UnsupportedExpression("column " + r.ordinal() + " of " + frame.length);
            }
            CodeValue v = frame[r.ordinal()];
            if (!v.type().equals(r.dataType())) {
                throw new UnsupportedExpression("column type " + v.type() + " read as " + r.dataType());
            }
            return v;
        }
        int ordinal = r.ordinal();
        if (ordinal >= inputFields) {
            throw new UnsupportedExpression("column " + ordinal + " of " + inputFields);
        }
        readsInput = true;
        DataType t = r.dataType();
        CodeValue v = declare(t);
        // the fixed part was bounds-checked once per row (INPUT_CHECK): plain reads at inBase/inAddress
        String slot = "inAddress + " + RowDescriptor.slotOffset(inputFields, ordinal);
        line(v.isNull() + " = (" + UNSAFE + ".getLong(inBase, inAddress + " + ((ordinal >>> 6) << 3) + ") & "
                + (1L << (ordinal & 63)) + "L) != 0L;");
        if (t == DataTypes.DoubleType) {
            line(v.value() + " = " + UNSAFE + ".getDouble(inBase, " + slot + ");");
        } else if (t == DataTypes.IntegerType || t == DataTypes.DateType) {
            line(v.value() + " = " + UNSAFE + ".getInt(inBase, " + slot + ");");
        } else if (t == DataTypes.BooleanType) {
            line(v.value() + " = " + UNSAFE + ".getByte(inBase, " + slot + ") != 0 ? 1L : 0L;");
        } else if (v.kind() == Kind.LONG) {
            line(v.value() + " = " + UNSAFE + ".getLong(inBase, " + slot + ");");
        } else {
            line("if (!" + v.isNull() + ") { long w = " + UNSAFE + ".getLong(inBase, " + slot + "); " + v.value()
                    + " = buffer; " + v.offset() + " = offset + (int) (w >>> 32); " + v.length() + " = (int) w; }");
        }
        return v;
    }

    private CodeValue literal(Literal lit) {
        DataType t = lit.dataType();
        CodeValue v = declare(t);
        Object value = lit.value();
        if (value == null) {
            return v;
        }
        line(v.isNull() + " = false;");
        if (v.kind() == Kind.DOUBLE) {
            line(v.value() + " = Double.longBitsToDouble(" + Double.doubleToRawLongBits((Double) value) + "L);");
        } else if (v.kind() == Kind.LONG) {
            long l;
            if (t == DataTypes.BooleanType) {
                l = (Boolean) value ? 1 : 0;
            } else if (t == DataTypes.TimestampType) {
                l = RowConverter.toMicros((Timestamp) value);
            } else if (t == DataTypes.DateType) {
                l = ((Date) value).toLocalDate().toEpochDay();
            } else if (value instanceof Number n) {
                l = n.longValue();
            } else {
                throw new UnsupportedExpression("literal " + value.getClass().getSimpleName());
            }
            line(v.value() + " = " + l + "L;");
        } else {
            byte[] bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
            int k = constants.size();
            constants.add(new UnsafeBuffer(bytes.clone()));
            // the length comes from the constant too, so one class serves every value of the literal
            line(v.value() + " = k" + k + "; " + v.offset() + " = 0; " + v.length() + " = k" + k + ".capacity();");
        }
        return v;
    }

    private CodeValue cast(Cast c) {
        DataType from = c.child().dataType();
        DataType to = c.dataType();
        CodeValue in = generate(c.child());
        CodeValue v = declare(to);
        if (from == DataTypes.NullType) {
            return v;
        }
        boolean numericFrom = from == DataTypes.IntegerType || from == DataTypes.LongType || from == DataTypes.DoubleType
                || from == DataTypes.BooleanType;
        boolean numericTo = to == DataTypes.IntegerType || to == DataTypes.LongType || to == DataTypes.DoubleType
                || to == DataTypes.BooleanType;
        line(v.isNull() + " = " + in.isNull() + ";");
        if (from.equals(to)) {
            copy(in, v);
            return v;
        }
        if (!numericFrom || !numericTo) {
            throw new UnsupportedExpression("cast " + from.simpleString() + " to " + to.simpleString());
        }
        boolean fromDouble = from == DataTypes.DoubleType;
        if (to == DataTypes.DoubleType) {
            line(v.value() + " = (double) " + in.value() + ";");
        } else if (to == DataTypes.BooleanType) {
            line(v.value() + " = " + in.value() + (fromDouble ? " != 0.0" : " != 0L") + " ? 1L : 0L;");
        } else if (fromDouble) {
            line("if (!" + v.isNull() + ") { " + v.value() + " = " + MATH + "doubleToIntegral(" + in.value() + ", "
                    + (to == DataTypes.IntegerType) + ", " + ansi + "); }");
        } else if (to == DataTypes.IntegerType && from == DataTypes.LongType) {
            line("if (!" + v.isNull() + ") { " + v.value() + " = " + MATH + "longToInt(" + in.value() + ", " + ansi + "); }");
        } else {
            line(v.value() + " = " + in.value() + ";");
        }
        return v;
    }

    private void copy(CodeValue from, CodeValue to) {
        line(to.value() + " = " + from.value() + ";");
        if (to.kind() == Kind.BYTES) {
            line(to.offset() + " = " + from.offset() + "; " + to.length() + " = " + from.length() + ";");
        }
    }

    /** In the interpreted {@code BinaryArithmetic}'s order: left then right for {@code + - *}; divisor, dividend, zero test for {@code / %}. */
    private CodeValue arithmetic(BinaryArithmetic e) {
        DataType t = e.dataType();
        BinaryArithmetic.Op op = e.op();
        if (!(t == DataTypes.DoubleType || t == DataTypes.IntegerType || t == DataTypes.LongType)
                || !e.left().dataType().equals(t) || !e.right().dataType().equals(t)) {
            throw new UnsupportedExpression("arithmetic on " + t.simpleString());
        }
        boolean divides = op == BinaryArithmetic.Op.DIVIDE || op == BinaryArithmetic.Op.REMAINDER;
        CodeValue v = declare(t);
        CodeValue first = generate(divides ? e.right() : e.left());
        String zero = MATH + "divisorIsZero(" + first.value() + ", ";
        String firstNull = divides && !ansi ? first.isNull() + " || " + zero + "false)" : first.isNull();
        code.append("        if (!(").append(firstNull).append(")) {\n");
        CodeValue second = generate(divides ? e.left() : e.right());
        CodeValue a = divides ? second : first;
        CodeValue b = divides ? first : second;
        String x = a.value();
        String y = b.value();
        line(v.isNull() + " = " + second.isNull() + (divides && ansi ? " || " + zero + "true)" : "") + ";");
        code.append("        if (!").append(v.isNull()).append(") {\n");
        if (t == DataTypes.DoubleType) {
            String symbol = switch (op) {
                case ADD -> " + ";
                case SUBTRACT -> " - ";
                case MULTIPLY -> " * ";
                case DIVIDE -> " / ";
                case REMAINDER -> " % ";
            };
            line("    " + v.value() + " = " + x + symbol + y + ";");
        } else {
            String args = "(" + x + ", " + y + ", " + (t == DataTypes.IntegerType) + ", " + ansi + ");";
            switch (op) {
                case ADD -> line("    " + v.value() + " = " + MATH + "add" + args);
                case SUBTRACT -> line("    " + v.value() + " = " + MATH + "subtract" + args);
                case MULTIPLY -> line("    " + v.value() + " = " + MATH + "multiply" + args);
                // the interpreted evaluator's integral default branch: the remainder
                case DIVIDE, REMAINDER -> line("    " + v.value() + " = " + x + " % " + y + ";");
            }
        }
        code.append("        }\n        }\n");
        return v;
    }

    private CodeValue comparison(Comparison e) {
        DataType t = e.left().dataType();
        Comparison.Op op = e.op();
        if (!e.right().dataType().equals(t)) {
            throw new UnsupportedExpression("comparison of " + t.simpleString() + " with " + e.right().dataType().simpleString());
        }
        CodeValue v = declare(DataTypes.BooleanType);
        CodeValue a = generate(e.left());
        // the right side runs only for a non-null left side, as in the interpreter (and Spark)
        code.append("        if (!").append(a.isNull()).append(") {\n");
        CodeValue b = generate(e.right());
        String cmp = switch (a.kind()) {
            case DOUBLE -> MATH + "compare(" + a.value() + ", " + b.value() + ")";
            case LONG -> "Long.compare(" + a.value() + ", " + b.value() + ")";
            case BYTES -> "io.tideway.engine.expr.Bytes.compare(" + a.value() + ", " + a.offset() + ", " + a.length() + ", "
                    + b.value() + ", " + b.offset() + ", " + b.length() + ")";
        };
        String test = switch (op) {
            case EQ -> " == 0";
            case NE -> " != 0";
            case LT -> " < 0";
            case LE -> " <= 0";
            case GT -> " > 0";
            case GE -> " >= 0";
        };
        line(v.isNull() + " = " + b.isNull() + ";");
        line("if (!" + v.isNull() + ") { " + v.value() + " = " + cmp + test + " ? 1L : 0L; }");
        code.append("        }\n");
        return v;
    }

    /** Three-valued AND/OR; the right side runs only when the left does not decide, as in the interpreter. */
    private CodeValue logical(Logical e) {
        boolean isAnd = e.isAnd();
        String decides = isAnd ? " == 0L" : " != 0L";
        CodeValue v = declare(DataTypes.BooleanType);
        CodeValue a = generate(e.left());
        code.append("        if (!").append(a.isNull()).append(" && ").append(a.value()).append(decides).append(") {\n");
        line("    " + v.isNull() + " = false; " + v.value() + " = " + a.value() + ";");
        code.append("        } else {\n");
        CodeValue b = generate(e.right());
        line("if (!" + b.isNull() + " && " + b.value() + decides + ") { " + v.isNull() + " = false; " + v.value() + " = "
                + b.value() + "; }");
        line("else if (" + a.isNull() + " || " + b.isNull() + ") { " + v.isNull() + " = true; }");
        line("else { " + v.isNull() + " = false; " + v.value() + " = " + b.value() + "; }");
        code.append("        }\n");
        return v;
    }

    private CodeValue not(Not e) {
        CodeValue c = generate(e.children().get(0));
        if (c.kind() != Kind.LONG) {
            throw new UnsupportedExpression("NOT of " + c.type().simpleString());
        }
        CodeValue v = declare(DataTypes.BooleanType);
        line(v.isNull() + " = " + c.isNull() + "; " + v.value() + " = " + c.value() + " == 0L ? 1L : 0L;");
        return v;
    }

    private CodeValue nullCheck(NullCheck e) {
        boolean isNotNull = e.isNotNull();
        CodeValue c = generate(e.children().get(0));
        CodeValue v = declare(DataTypes.BooleanType);
        line(v.isNull() + " = false; " + v.value() + " = " + c.isNull() + " != " + isNotNull + " ? 1L : 0L;");
        return v;
    }

    private CodeValue minus(UnaryMinus e) {
        DataType t = e.dataType();
        if (!(t == DataTypes.DoubleType || t == DataTypes.IntegerType || t == DataTypes.LongType)) {
            throw new UnsupportedExpression("minus on " + t.simpleString());
        }
        CodeValue c = generate(e.children().get(0));
        CodeValue v = declare(t);
        line(v.isNull() + " = " + c.isNull() + ";");
        if (t == DataTypes.DoubleType) {
            line(v.value() + " = -" + c.value() + ";");
        } else {
            line("if (!" + v.isNull() + ") { " + v.value() + " = " + MATH + "negate(" + c.value() + ", "
                    + (t == DataTypes.IntegerType) + ", " + ansi + "); }");
        }
        return v;
    }
}
