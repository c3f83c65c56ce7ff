package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.codegen.CodegenContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/**
 * The session time zone ({@code spark.sql.session.timeZone}) as generated code uses it: the
 * offset of an instant, with a fixed-offset zone (UTC above all) taking an arithmetic path that
 * allocates nothing. Immutable; a constant of generated classes.
 */
public final class SessionZone {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private final ZoneId id;
    private final ZoneRules rules;
    /** The offset in seconds when the zone has only one, else {@link Integer#MIN_VALUE}. */
    private final int fixedOffset;

    private SessionZone(ZoneId id) {
        this.id = id;
        this.rules = id.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
    }

    public static SessionZone of(ZoneId id) {
        return new SessionZone(id);
    }

    /** A field of the generated class {@code ctx} builds holding the query's session zone. */
    static String constant(CodegenContext ctx) {
        return ctx.constant(of(ctx.evalContext().timeZone()), SessionZone.class.getName());
    }

    public ZoneId id() {
        return id;
    }

    /** The zone's offset from UTC, in seconds, at the instant {@code utcMicros}. */
    public int offsetSeconds(long utcMicros) {
        if (fixedOffset != Integer.MIN_VALUE) {
            return fixedOffset;
        }
        return rules.getOffset(Instant.ofEpochSecond(Math.floorDiv(utcMicros, MICROS_PER_SECOND))).getTotalSeconds();
    }

    /** The local wall-clock time of {@code utcMicros}, as micros since the local epoch. */
    public long toLocal(long utcMicros) {
        return utcMicros + offsetSeconds(utcMicros) * MICROS_PER_SECOND;
    }

    /**
     * The instant a local wall-clock time (micros since the local epoch) names, as Spark resolves
     * it: a time in a gap moves forward by the gap, a time in an overlap takes the earlier offset.
     */
    public long toUtc(long localMicros) {
        if (fixedOffset != Integer.MIN_VALUE) {
            return localMicros - fixedOffset * MICROS_PER_SECOND;
        }
        long seconds = Math.floorDiv(localMicros, MICROS_PER_SECOND);
        int micros = (int) Math.floorMod(localMicros, MICROS_PER_SECOND);
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, micros * 1000, ZoneOffset.UTC);
        ZonedDateTime z = ZonedDateTime.ofLocal(local, id, null);
        return z.toEpochSecond() * MICROS_PER_SECOND + micros;
    }

    /**
     * As {@link #toUtc(long)}, but keeping {@code preferredOffset} (seconds) where the local time
     * has it, as {@code ZonedDateTime} arithmetic and truncation do: the second 01:30 of a
     * daylight-saving overlap stays the second one.
     */
    public long toUtc(long localMicros, int preferredOffset) {
        long sameOffset = localMicros - preferredOffset * MICROS_PER_SECOND;
        return offsetSeconds(sameOffset) == preferredOffset ? sameOffset : toUtc(localMicros);
    }
}
