package io.tideway.engine.expr;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code split(str, regex[, limit])} into {@code array<string>}. A one-character pattern that is
 * not a regex metacharacter (the common {@code " "}) splits the bytes in place without
 * allocating; other patterns go through {@link Pattern}.
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
        Pattern pattern = literalChar ? null : Pattern.compile(regex);
        byte sep = (byte) regex.charAt(0);
        ArrayOut out = new ArrayOut();
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                s.eval(row);
                isNull = s.isNull;
                if (isNull) {
                    return;
                }
                if (literalChar) {
                    splitBytes();
                } else {
                    splitRegex();
                }
                out.finish(this);
            }

            private void splitBytes() {
                int end = s.off + s.len;
                int max = limit > 0 ? limit : Integer.MAX_VALUE;
                int parts = 1;
                for (int i = s.off; i < end && parts < max; i++) {
                    if (s.buf.getByte(i) == sep) {
                        parts++;
                    }
                }
                ArrayWriter a = out.begin(parts);
                int start = s.off;
                int idx = 0;
                for (int i = s.off; i < end && idx < parts - 1; i++) {
                    if (s.buf.getByte(i) == sep) {
                        a.putBytes(idx++, s.buf, start, i - start);
                        start = i + 1;
                    }
                }
                a.putBytes(idx, s.buf, start, end - start);
                a.end();
            }

            private void splitRegex() {
                String text = s.buf.getStringWithoutLengthUtf8(s.off, s.len);
                String[] parts = pattern.split(text, limit > 0 ? limit : -1);
                ArrayWriter a = out.begin(parts.length);
                for (int i = 0; i < parts.length; i++) {
                    ArrayOut.putString(a, i, parts[i]);
                }
                a.end();
            }
        };
    }
}
