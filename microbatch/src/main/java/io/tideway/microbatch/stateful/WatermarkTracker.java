package io.tideway.microbatch.stateful;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.EventTimeStats;
import io.tideway.engine.plan.EventTimeWatermark;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.query.ProgressTimestamp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event-time watermark of a query (Spark's {@code WatermarkTracker}): after each batch, each
 * {@code withWatermark} node proposes {@code max event time - delay}, kept only if it moved
 * forward; the global watermark is the min (default) or max of them
 * ({@code spark.sql.streaming.multipleWatermarkPolicy}) and never decreases. Batch N runs with the
 * watermark computed after batch N-1. Used by the query thread only.
 */
public final class WatermarkTracker {
    public static final String POLICY_CONF = io.tideway.engine.conf.TidewayConf.MULTIPLE_WATERMARK_POLICY.key();
    private final List<EventTimeWatermark> nodes = new ArrayList<>();
    private final long[] operatorWatermarkMs;
    private final boolean useMax;
    private long globalMs;

    public WatermarkTracker(LogicalPlan plan, String policy) {
        collect(plan);
        this.operatorWatermarkMs = new long[nodes.size()];
        this.useMax = switch (policy.trim().toLowerCase(Locale.ROOT)) {
            case "min" -> false;
            case "max" -> true;
            default -> throw new IllegalArgumentException("Could not recognize watermark policy '" + policy + "'");
        };
    }

    private void collect(LogicalPlan p) {
        if (p instanceof EventTimeWatermark w) {
            nodes.add(w);
        }
        for (LogicalPlan c : p.children()) {
            collect(c);
        }
    }

    public boolean hasWatermark() {
        return !nodes.isEmpty();
    }

    /** The watermark from the checkpoint (offsets or commits) on restart. */
    public void restore(long watermarkMs) {
        globalMs = watermarkMs;
        java.util.Arrays.fill(operatorWatermarkMs, watermarkMs);
    }

    public long currentMs() {
        return globalMs;
    }

    /** Clears the batch's statistics before it runs. */
    public void startBatch(EvalContext ctx) {
        for (EventTimeWatermark n : nodes) {
            ctx.eventTimeStats(n).reset();
        }
    }

    /** Advances the watermark from the batch's statistics; returns whether it moved. */
    public boolean advance(EvalContext ctx) {
        for (int i = 0; i < nodes.size(); i++) {
            EventTimeStats s = ctx.eventTimeStats(nodes.get(i));
            if (s.count() > 0) {
                long candidate = Math.floorDiv(s.maxMicros(), 1000L) - nodes.get(i).delayMs();
                operatorWatermarkMs[i] = Math.max(operatorWatermarkMs[i], candidate);
            }
        }
        if (nodes.isEmpty()) {
            return false;
        }
        long next = operatorWatermarkMs[0];
        for (long w : operatorWatermarkMs) {
            next = useMax ? Math.max(next, w) : Math.min(next, w);
        }
        if (next > globalMs) {
            globalMs = next;
            return true;
        }
        return false;
    }

    /**
     * Progress {@code eventTime}: avg/min/max of the batch's event times (when it had rows) and the
     * watermark the batch ran with, formatted as Spark's.
     */
    public Map<String, String> eventTimeProgress(EvalContext ctx, long batchWatermarkMs) {
        Map<String, String> out = new LinkedHashMap<>();
        if (nodes.isEmpty()) {
            return out;
        }
        long count = 0;
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        double weighted = 0;
        for (EventTimeWatermark n : nodes) {
            EventTimeStats s = ctx.eventTimeStats(n);
            if (s.count() > 0) {
                count += s.count();
                max = Math.max(max, s.maxMicros());
                min = Math.min(min, s.minMicros());
                weighted += s.avgMicros() * s.count();
            }
        }
        if (count > 0) {
            out.put("avg", format(Math.round(weighted / count / 1000.0)));
            out.put("max", format(Math.floorDiv(max, 1000L)));
            out.put("min", format(Math.floorDiv(min, 1000L)));
        }
        out.put("watermark", format(batchWatermarkMs));
        return out;
    }

    private static String format(long ms) {
        return ProgressTimestamp.format(ms);
    }
}
