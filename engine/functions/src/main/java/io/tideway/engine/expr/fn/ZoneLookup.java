package io.tideway.engine.expr.fn;

import io.tideway.QueryContext;
import io.tideway.SparkDateTimeException;
import org.agrona.DirectBuffer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * A time zone named by a function argument ({@code from_utc_timestamp(ts, 'Asia/Seoul')}), read as
 * Spark reads it (region ids, offsets, and the short ids such as {@code PST}); one call site's cache
 * of the last name, so a literal zone is resolved once. Not thread-safe: one per call site.
 */
public final class ZoneLookup {
    private String name;
    private SessionZone zone;

    /** The zone named in {@code b[off, off+len)}; Spark's {@code INVALID_TIMEZONE} if there is none. */
    public SessionZone get(DirectBuffer b, int off, int len) {
        String n = StringKernels.string(b, off, len);
        if (!n.equals(name)) {
            try {
                zone = SessionZone.of(ZoneId.of(n, ZoneId.SHORT_IDS));
            } catch (DateTimeException e) {
                throw new SparkDateTimeException("INVALID_TIMEZONE", Map.of("timeZone", n), new QueryContext[0]);
            }
            name = n;
        }
        return zone;
    }
}
