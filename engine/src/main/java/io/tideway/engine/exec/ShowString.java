package io.tideway.engine.exec;

import io.tideway.engine.expr.Values;
import io.tideway.sql.Row;
import io.tideway.sql.types.StructType;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code Dataset.showString}: the bordered table the console sink and {@code show()}
 * print (Spark 3.5+ rendering: {@code NULL}, structs in braces).
 */
public final class ShowString {
    private ShowString() {
    }

    /**
     * @param truncate cells longer than this are cut to {@code truncate - 3} chars plus {@code ...}
     *                 and right-aligned; 0 means no truncation, left-aligned
     */
    public static String format(StructType schema, List<Row> rows, int numRows, int truncate) {
        int n = schema.length();
        List<String[]> cells = new ArrayList<>();
        cells.add(schema.fieldNames());
        int shown = Math.min(rows.size(), Math.max(numRows, 0));
        for (int r = 0; r < shown; r++) {
            String[] line = new String[n];
            for (int c = 0; c < n; c++) {
                line[c] = cut(render(rows.get(r).get(c), schema.apply(c).dataType()), truncate);
            }
            cells.add(line);
        }
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = 3;
            for (String[] line : cells) {
                widths[c] = Math.max(widths[c], displayWidth(line[c]));
            }
        }
        StringBuilder sb = new StringBuilder();
        String border = border(widths);
        sb.append(border);
        appendLine(sb, cells.get(0), widths, truncate > 0);
        sb.append(border);
        for (int r = 1; r < cells.size(); r++) {
            appendLine(sb, cells.get(r), widths, truncate > 0);
        }
        sb.append(border);
        if (rows.size() > shown) {
            sb.append("only showing top ").append(shown).append(shown == 1 ? " row" : " rows");
        }
        return sb.toString();
    }

    private static String border(int[] widths) {
        if (widths.length == 0) {
            return "++\n"; // Spark's mkString("+", "+", "+") of no columns
        }
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w)).append('+');
        }
        return sb.append('\n').toString();
    }

    private static void appendLine(StringBuilder sb, String[] line, int[] widths, boolean rightAlign) {
        sb.append(line.length == 0 ? "|" : ""); // no columns: Spark's "||"
        sb.append('|');
        for (int c = 0; c < line.length; c++) {
            String pad = " ".repeat(widths[c] - displayWidth(line[c]));
            sb.append(rightAlign ? pad + line[c] : line[c] + pad).append('|');
        }
        sb.append('\n');
    }

    static String cut(String s, int truncate) {
        if (truncate <= 0 || s.length() <= truncate) {
            return s;
        }
        return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
    }

    /**
     * Renders a value of type {@code t}: an interval as its ANSI text ({@code INTERVAL '03' HOUR}),
     * whose fields only the type knows; anything else as {@link #render(Object)}.
     */
    static String render(Object v, io.tideway.sql.types.DataType t) {
        if (v instanceof java.time.Duration d && t instanceof io.tideway.sql.types.DayTimeIntervalType dt) {
            return io.tideway.engine.expr.IntervalText.dayTime(io.tideway.engine.row.TemporalValues.durationToMicros(d), dt);
        }
        if (v instanceof java.time.Period p && t instanceof io.tideway.sql.types.YearMonthIntervalType ym) {
            return io.tideway.engine.expr.IntervalText.yearMonth((int) p.toTotalMonths(), ym);
        }
        return render(v);
    }

    /** Renders a value the way Spark's console does. */
    public static String render(Object v) {
        if (v == null) {
            return "NULL";
        } else if (v instanceof Timestamp ts) {
            return Values.formatTimestamp(ts);
        } else if (v instanceof java.time.LocalDateTime local) { // timestamp_ntz: the wall-clock time, as a timestamp prints
            return Values.formatLocal(local);
        } else if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof byte[] b) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < b.length; i++) {
                sb.append(i == 0 ? "" : " ").append(String.format("%02X", b[i]));
            }
            return sb.append(']').toString();
        } else if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(render(list.get(i)));
            }
            return sb.append(']').toString();
        } else if (v instanceof java.util.Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.forEach((k, x) -> sb.append(sb.length() == 1 ? "" : ", ").append(render(k)).append(" -> ").append(render(x)));
            return sb.append('}').toString();
        } else if (v instanceof Row row) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < row.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(render(row.get(i)));
            }
            return sb.append('}').toString();
        }
        return v.toString();
    }

    /** East Asian wide characters take two columns, as in Spark. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
