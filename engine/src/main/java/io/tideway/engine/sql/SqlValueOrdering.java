package io.tideway.engine.sql;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Row;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Spark's ordering on the Java values of one column: strings by code point (the order of their
 * UTF-8 bytes), binary as unsigned bytes, {@code NaN} above every other number and {@code -0.0}
 * equal to {@code 0.0}, arrays and structs element by element with nulls first. Maps cannot be
 * ordered, as in Spark. Stateless.
 */
public final class SqlValueOrdering {
    private SqlValueOrdering() {
    }

    /** Orders rows by a sort node's keys, the first key first (what {@code orderBy} runs on a static plan). */
    public static Comparator<Row> byOrders(List<io.tideway.engine.plan.Sort.Order> orders) {
        List<SortKey> keys = new java.util.ArrayList<>();
        orders.forEach(o -> keys.add(new SortKey(o.ordinal(), o.descending(), o.nullsFirst())));
        return rows(keys);
    }

    /** Orders rows by {@code keys}, the first key first. */
    static Comparator<Row> rows(List<SortKey> keys) {
        return (a, b) -> {
            for (SortKey k : keys) {
                int c = compareNullable(a.get(k.ordinal()), b.get(k.ordinal()), k.nullsFirst());
                if (c != 0) {
                    boolean nullInvolved = a.get(k.ordinal()) == null || b.get(k.ordinal()) == null;
                    return k.descending() && !nullInvolved ? -c : c;
                }
            }
            return 0;
        };
    }

    private static int compareNullable(Object a, Object b, boolean nullsFirst) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null) == nullsFirst ? -1 : 1;
        }
        return compare(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return codePoints(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return io.tideway.engine.expr.SqlArithmetic.compare(x, y);
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x.floatValue() == y.floatValue() ? 0 : Float.compare(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compareNullable(x.get(i), y.get(i), true);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof Row x && b instanceof Row y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compareNullable(x.get(i), y.get(i), true);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof java.time.Period x && b instanceof java.time.Period y) { // year-month intervals, by months
            return Long.compare(x.toTotalMonths(), y.toTotalMonths());
        }
        if (a instanceof Comparable x && a.getClass() == b.getClass()) {
            return x.compareTo(b);
        }
        throw Unchecked.raise(new AnalysisException("ORDER BY does not support ordering on values of type "
                + a.getClass().getSimpleName() + "."));
    }

    private static int codePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Boolean.compare(i < x.length(), j < y.length());
    }
}
