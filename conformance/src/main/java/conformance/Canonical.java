package conformance;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The canonical text of values, rows and errors, identical whichever engine produced them. It
 * uses the JDK only (no engine type), so the same class compiles against Tideway and, rewritten,
 * against Spark. Values are formatted by their runtime type: Spark hands out Scala collections
 * for arrays and maps, which are walked reflectively so the text does not depend on the engine's
 * collection classes.
 *
 * <ul>
 *   <li>null: {@code null}; strings as they are; integers in decimal;</li>
 *   <li>doubles rounded to 12 significant digits (floats 7), always with a decimal point;</li>
 *   <li>timestamps ISO-8601 UTC ({@code 2024-01-01T00:00:05Z}), dates {@code 2024-01-01};</li>
 *   <li>rows {@code [a,b]}, arrays {@code [a, b]}, maps {@code {k -> v, ...}}, binary {@code 0x0a0b}.</li>
 * </ul>
 */
public final class Canonical {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Canonical() {
    }

    /** One value (a row, a collection or a scalar) as canonical text. */
    public static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return decimal(d, 12);
        }
        if (v instanceof Float f) {
            return decimal(f.doubleValue(), 7);
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof byte[] bytes) {
            StringBuilder sb = new StringBuilder("0x");
            for (byte b : bytes) {
                sb.append(String.format("%02x", b & 0xff));
            }
            return sb.toString();
        }
        if (v instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            m.forEach((k, x) -> entries.add(value(k) + " -> " + value(x)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (v instanceof Iterable<?> it) {
            List<String> items = new ArrayList<>();
            it.forEach(x -> items.add(value(x)));
            return "[" + String.join(", ", items) + "]";
        }
        if (v.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                items.add(value(java.lang.reflect.Array.get(v, i)));
            }
            return "[" + String.join(", ", items) + "]";
        }
        String cls = v.getClass().getName();
        if (isRow(v)) {
            return row(v);
        }
        if (cls.startsWith("scala.")) {
            return scalaValue(v, cls);
        }
        return v.toString();
    }

    /** A row as {@code [v1,v2,...]}: anything with {@code size()} and {@code get(int)} named Row. */
    public static String row(Object row) {
        try {
            Method size = row.getClass().getMethod("size");
            Method get = row.getClass().getMethod("get", int.class);
            int n = (Integer) size.invoke(row);
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(value(get.invoke(row, i)));
            }
            return sb.append(']').toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read row " + row.getClass(), e);
        }
    }

    /** The rows' canonical texts, sorted, so partition order does not show. */
    public static List<String> sortedRows(List<?> rows) {
        List<String> lines = new ArrayList<>(rows.size());
        for (Object r : rows) {
            lines.add(value(r));
        }
        lines.sort(null);
        return lines;
    }

    /**
     * {@code SimpleClassName: first non-blank line of message} (Spark's parse errors start with a
     * newline); ids and paths are masked by the runner.
     */
    public static String error(Throwable t) {
        // Spark's analyzer throws an internal subclass; users catch (and see) AnalysisException
        String name = t.getClass().getSimpleName().equals("ExtendedAnalysisException")
                ? "AnalysisException" : t.getClass().getSimpleName();
        String msg = t.getMessage() == null ? "" : t.getMessage().strip();
        int nl = msg.indexOf('\n');
        String first = (nl >= 0 ? msg.substring(0, nl) : msg).stripTrailing();
        return first.isEmpty() ? name : name + ": " + first;
    }

    /** Replaces random UUIDs (query ids, run ids) with {@code <uuid>}. */
    public static String maskIds(String text) {
        return UUID.matcher(text).replaceAll("<uuid>");
    }

    /**
     * Sorts the rows of every console table ({@code +---+} border, header, border, rows, border)
     * in a text: which partition a row sits in is the engine's business, and it decides the order.
     */
    public static String sortTableBodies(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int i = 0;
        while (i < lines.size()) {
            if (isBorder(lines.get(i)) && i + 2 < lines.size() && isBorder(lines.get(i + 2))) {
                int first = i + 3;
                int end = first;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                lines.subList(first, end).sort(null);
                i = end;
            } else {
                i++;
            }
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static boolean isBorder(String line) {
        return line.startsWith("+-") && line.endsWith("+");
    }

    private static boolean isRow(Object v) {
        for (Class<?> c = v.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getSimpleName().equals("Row")) {
                    return true;
                }
            }
            if (c.getSimpleName().equals("Row")) {
                return true;
            }
        }
        return false;
    }

    private static String decimal(double d, int digits) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        String s = new BigDecimal(digits == 7 ? Float.toString((float) d) : Double.toString(d))
                .round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** A Scala collection (Seq, Map) or tuple, walked through its public methods. */
    private static String scalaValue(Object v, String cls) {
        try {
            if (cls.startsWith("scala.Tuple2")) {
                return value(v.getClass().getMethod("_1").invoke(v)) + " -> "
                        + value(v.getClass().getMethod("_2").invoke(v));
            }
            Object it = v.getClass().getMethod("iterator").invoke(v);
            Method hasNext = Class.forName("scala.collection.Iterator").getMethod("hasNext");
            Method next = Class.forName("scala.collection.Iterator").getMethod("next");
            List<String> items = new ArrayList<>();
            while ((Boolean) hasNext.invoke(it)) {
                items.add(value(next.invoke(it)));
            }
            boolean map = Class.forName("scala.collection.Map").isInstance(v);
            return map ? "{" + String.join(", ", items) + "}" : "[" + String.join(", ", items) + "]";
        } catch (ReflectiveOperationException e) {
            return v.toString();
        }
    }
}
