package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code split(str, regex[, limit])} into {@code array<string>}. A one-character pattern that is
 * not a regex metacharacter (the common {@code " "}) splits the bytes in place without
 * allocating, finding the separator eight bytes at a time; other patterns go through {@link Pattern}.
 */
public final class Split extends Expression {
    private static final long serialVersionUID = 1L;
    private static final String REGEX_META = ".$|()[{^?*+\\";
    private final Expression str;
    private final String regex;
    private final int limit;

    public Split(Expression str, String regex, int limit) {
        this.str = str;
        this.regex = regex;
        this.limit = limit;
    }

    @Override
    public List<Expression> children() {
        return List.of(str);
    }

    @Override
    public Expression withChildren(List<Expression> c) {
        return new Split(c.get(0), regex, limit);
    }

    @Override
    public String sql() {
        return "split(" + str.sql() + ", " + regex + ", " + limit + ")";
    }

    @Override
    public DataType dataType() {
        if (str.dataType() != DataTypes.StringType && str.dataType() != DataTypes.NullType) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql()), "paramIndex", ErrorParams.ordinal(0), "requiredType", "\"STRING\"",
                    "inputSql", ErrorParams.expr(str.sql()), "inputType", ErrorParams.type(str.dataType())), sqlOrigin()));
        }
        return DataTypes.createArrayType(DataTypes.StringType, false);
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        Evaluator s = str.evaluator(context);
        boolean literalChar = regex.length() == 1 && REGEX_META.indexOf(regex.charAt(0)) < 0 && regex.charAt(0) < 0x80;
        return literalChar ? new LiteralSplit(s, (byte) regex.charAt(0), limit) : new RegexSplit(s, Pattern.compile(regex), limit);
    }

    /** Splits on one ASCII byte, in place: finds the separators, then copies the parts into the array. */
    private static final class LiteralSplit extends Evaluator implements ByteRangeArray {
        private final Evaluator s;
        private final byte sep;
        private final long sepWord;
        private final int maxSeparators;
        private final ArrayOut out = new ArrayOut();
        /** Where the separators of the current string are; grows, never shrinks. */
        private int[] separators = new int[16];
        private int parts;

        LiteralSplit(Evaluator s, byte sep, int limit) {
            this.s = s;
            this.sep = sep;
            this.sepWord = (sep & 0xFFL) * 0x0101010101010101L;
            this.maxSeparators = limit > 0 ? limit - 1 : Integer.MAX_VALUE;
        }

        @Override
        public void eval(RowReader row) {
            if (evalRanges(row) < 0) {
                return;
            }
            ArrayWriter a = out.begin(parts);
            for (int i = 0; i < parts; i++) {
                a.putBytes(i, s.buf, rangeOffset(i), rangeLength(i));
            }
            a.end();
            out.finish(this);
        }

        @Override
        public int evalRanges(RowReader row) {
            s.eval(row);
            isNull = s.isNull;
            if (isNull) {
                return -1;
            }
            parts = findSeparators(s.buf, s.off, s.off + s.len) + 1;
            return parts;
        }

        @Override
        public DirectBuffer rangeBuffer() {
            return s.buf;
        }

        @Override
        public int rangeOffset(int i) {
            return i == 0 ? s.off : separators[i - 1] + 1;
        }

        @Override
        public int rangeLength(int i) {
            return (i == parts - 1 ? s.off + s.len : separators[i]) - rangeOffset(i);
        }

        /**
         * Records in {@link #separators} where {@code sep} occurs in {@code [from, to)}, up to the
         * limit, and returns how many. Eight bytes per step: word count's lines are mostly
         * separators and short words, and a byte loop cost two bounds-checked reads per byte.
         */
        private int findSeparators(DirectBuffer buf, int from, int to) {
            int found = 0;
            int i = from;
            for (; i + 8 <= to && found < maxSeparators; i += 8) {
                long x = buf.getLong(i, ByteOrder.LITTLE_ENDIAN) ^ sepWord;
                // 0x80 in exactly the bytes of x that are zero, i.e. where the text has sep
                long zero = ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
                while (zero != 0 && found < maxSeparators) {
                    found = record(found, i + (Long.numberOfTrailingZeros(zero) >>> 3));
                    zero &= zero - 1;
                }
            }
            for (; i < to && found < maxSeparators; i++) {
                if (buf.getByte(i) == sep) {
                    found = record(found, i);
                }
            }
            return found;
        }

        private int record(int found, int at) {
            if (found == separators.length) {
                separators = Arrays.copyOf(separators, found * 2);
            }
            separators[found] = at;
            return found + 1;
        }
    }

    /** Any other pattern, through {@link Pattern} on a decoded string (allocates). */
    private static final class RegexSplit extends Evaluator {
        private final Evaluator s;
        private final Pattern pattern;
        private final int limit;
        private final ArrayOut out = new ArrayOut();

        RegexSplit(Evaluator s, Pattern pattern, int limit) {
            this.s = s;
            this.pattern = pattern;
            this.limit = limit;
        }

        @Override
        public void eval(RowReader row) {
            s.eval(row);
            isNull = s.isNull;
            if (isNull) {
                return;
            }
            String text = s.buf.getStringWithoutLengthUtf8(s.off, s.len);
            String[] parts = pattern.split(text, limit > 0 ? limit : -1);
            ArrayWriter a = out.begin(parts.length);
            for (int i = 0; i < parts.length; i++) {
                ArrayOut.putString(a, i, parts[i]);
            }
            a.end();
            out.finish(this);
        }
    }
}
