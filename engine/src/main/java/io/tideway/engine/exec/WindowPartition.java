package io.tideway.engine.exec;

import io.tideway.engine.expr.window.FrameBound;
import io.tideway.engine.expr.window.NTile;
import io.tideway.engine.expr.window.NthValue;
import io.tideway.engine.expr.window.OffsetWindowFunction;
import io.tideway.engine.expr.window.RankFunction;
import io.tideway.engine.expr.window.WindowExpression;
import io.tideway.engine.expr.window.WindowFrame;
import io.tideway.engine.plan.Sort;
import io.tideway.sql.Row;

import java.util.Comparator;
import java.util.List;

/**
 * The sorted rows of one window partition and what the functions need of them: each row's peer
 * group (rows equal on the ORDER BY keys), its frame's bounds, and the value of each window
 * function ({@link #compute}). Owned by the thread running the window.
 */
final class WindowPartition {
    /** One input row: its values, for keys and the values lag/lead read, and its bytes, for aggregates. */
    record Input(Row row, byte[] bytes) {
    }

    private final List<Input> rows;
    private final List<Sort.Order> orderKeys;
    private final int[] firstPeer;
    private final int[] lastPeer;
    private final int[] denseRank;
    /** The ORDER BY key as doubles, for RANGE frames with value offsets; filled on first use. */
    private double[] keys;
    private int nonNullFrom;
    private int nonNullTo;

    WindowPartition(List<Input> rows, Comparator<Row> order, List<Sort.Order> orderKeys) {
        this.rows = rows;
        this.orderKeys = orderKeys;
        int n = rows.size();
        firstPeer = new int[n];
        lastPeer = new int[n];
        denseRank = new int[n];
        int group = 0;
        for (int i = 0; i < n; i++) {
            boolean peer = i > 0 && order.compare(rows.get(i - 1).row(), rows.get(i).row()) == 0;
            firstPeer[i] = peer ? firstPeer[i - 1] : i;
            denseRank[i] = peer ? group : ++group;
        }
        for (int i = n - 1; i >= 0; i--) {
            lastPeer[i] = i < n - 1 && firstPeer[i + 1] == firstPeer[i] ? lastPeer[i + 1] : i;
        }
    }

    /** Writes {@code w}'s value for each row into {@code out} from {@code base}. */
    void compute(WindowExpression w, int[] values, FrameAggregator aggregate, Object[] out, int base) {
        int n = rows.size();
        WindowFrame frame = w.frame();
        for (int i = 0; i < n; i++) {
            Object v;
            if (aggregate != null) {
                v = aggregate.over(rows, lower(frame, i), upper(frame, i), i == 0);
            } else if (w.function() instanceof RankFunction r) {
                v = rank(r.kind(), i);
            } else if (w.function() instanceof NTile t) {
                v = NTile.bucketOf(i, n, t.buckets());
            } else if (w.function() instanceof OffsetWindowFunction f) {
                v = offset(f, values, i);
            } else {
                v = nth((NthValue) w.function(), values[0], lower(frame, i), upper(frame, i));
            }
            out[base + i] = v;
        }
    }

    private Object rank(RankFunction.Kind kind, int i) {
        int n = rows.size();
        return switch (kind) {
            case ROW_NUMBER -> i + 1;
            case RANK -> firstPeer[i] + 1;
            case DENSE_RANK -> denseRank[i];
            case PERCENT_RANK -> n > 1 ? firstPeer[i] / (double) (n - 1) : 0.0;
            case CUME_DIST -> (lastPeer[i] + 1) / (double) n;
        };
    }

    /** lag/lead: the input at the offset (counting non-null values only with ignoreNulls), else the default. */
    private Object offset(OffsetWindowFunction f, int[] values, int i) {
        int step = f.signedOffset();
        if (step == 0) {
            return rows.get(i).row().get(values[0]);
        }
        if (!f.ignoreNulls()) {
            int at = i + step;
            return at >= 0 && at < rows.size() ? rows.get(at).row().get(values[0]) : rows.get(i).row().get(values[1]);
        }
        int dir = step > 0 ? 1 : -1;
        int remaining = Math.abs(step);
        for (int at = i + dir; at >= 0 && at < rows.size(); at += dir) {
            Object v = rows.get(at).row().get(values[0]);
            if (v != null && --remaining == 0) {
                return v;
            }
        }
        return rows.get(i).row().get(values[1]);
    }

    private Object nth(NthValue f, int value, int lo, int hi) {
        int remaining = f.n();
        for (int at = lo; at <= hi; at++) {
            Object v = rows.get(at).row().get(value);
            if ((v != null || !f.ignoreNulls()) && --remaining == 0) {
                return v;
            }
        }
        return null;
    }

    /** The first row of row {@code i}'s frame (may exceed {@link #upper} for an empty frame). */
    private int lower(WindowFrame frame, int i) {
        FrameBound b = frame.lower();
        return switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> 0;
            case UNBOUNDED_FOLLOWING -> rows.size();
            case CURRENT_ROW -> frame.rows() ? i : firstPeer[i];
            case OFFSET -> frame.rows() ? (int) Math.max(0, Math.min(rows.size(), i + b.offset())) : valueBound(i, b.offset(), b.interval() != null, true);
        };
    }

    /** The last row of row {@code i}'s frame (may be before {@link #lower} for an empty frame). */
    private int upper(WindowFrame frame, int i) {
        FrameBound b = frame.upper();
        return switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> -1;
            case UNBOUNDED_FOLLOWING -> rows.size() - 1;
            case CURRENT_ROW -> frame.rows() ? i : lastPeer[i];
            case OFFSET -> frame.rows() ? (int) Math.max(-1, Math.min(rows.size() - 1, i + b.offset())) : valueBound(i, b.offset(), b.interval() != null, false);
        };
    }

    /**
     * A RANGE bound {@code offset} from row {@code i}'s ORDER BY value: the first (lower) or last
     * (upper) row whose value lies on the frame's side of {@code value + offset} ({@code value - offset}
     * descending). A null value's frame is its null peers; for a non-null value, nulls stand where the
     * sort put them, before or after every value, as Spark's bound ordering compares them. The
     * non-null values are sorted, so the bound is a binary search among them.
     */
    private int valueBound(int i, long offset, boolean interval, boolean lower) {
        Sort.Order key = orderKeys.get(0);
        if (keys == null) {
            keys = new double[rows.size()];
            nonNullFrom = rows.size();
            nonNullTo = -1;
            for (int j = 0; j < rows.size(); j++) {
                Object o = rows.get(j).row().get(key.ordinal());
                if (o != null) {
                    keys[j] = keyValue(o);
                    nonNullFrom = Math.min(nonNullFrom, j);
                    nonNullTo = j;
                }
            }
        }
        if (rows.get(i).row().get(key.ordinal()) == null) {
            return lower ? firstPeer[i] : lastPeer[i];
        }
        boolean descending = key.descending();
        Object value = rows.get(i).row().get(key.ordinal());
        boolean day = value instanceof java.sql.Date || value instanceof java.time.LocalDate;
        double step = interval && day ? offset / (double) MICROS_PER_DAY : offset; // a date's key is its day number
        double limit = keys[i] + (descending ? -step : step);
        // the rows "after" the limit in sort order: a lower bound's first row inside, an upper bound's first row outside
        int lo = nonNullFrom;
        int hi = nonNullTo + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double x = keys[mid];
            boolean past = lower ? (descending ? x <= limit : x >= limit) : (descending ? x < limit : x > limit);
            if (past) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lower ? lo : lo - 1;
    }

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** An ORDER BY value as a number on its own scale: a date's day, a timestamp's microsecond, a number as it is. */
    private static double keyValue(Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return io.tideway.engine.row.RowConverter.toMicros(t);
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate().toEpochDay();
        }
        if (o instanceof java.time.Instant t) {
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        }
        if (o instanceof java.time.LocalDate d) {
            return d.toEpochDay();
        }
        if (o instanceof java.time.LocalDateTime l) {
            return io.tideway.engine.row.TemporalValues.localToNtz(l);
        }
        return ((Number) o).doubleValue();
    }
}
