package io.tideway.engine.expr;

import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.DirectBuffer;

import java.sql.Timestamp;
import java.time.LocalDateTime;

/** How Spark renders values as text (casts to string, console output). */
public final class Values {
    private Values() {
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, plus the fraction only when it is not zero. */
    public static String formatTimestamp(Timestamp ts) {
        return formatLocal(ts.toLocalDateTime());
    }

    /** A wall-clock time ({@code timestamp_ntz}) as {@link #formatTimestamp} writes one. */
    public static String formatLocal(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(26);
        sb.append(String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond()));
        int nanos = t.getNano();
        if (nanos != 0) {
            String frac = String.format("%09d", nanos);
            int end = frac.length();
            while (end > 0 && frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        return sb.toString();
    }

    /** {@code [a, b, c]} for an encoded array (timestamps in UTC). */
    public static String formatArray(DirectBuffer buf, int off, int len, DataType element) {
        return io.tideway.engine.expr.fn.CollectionText.text(buf, off, len, DataTypes.createArrayType(element),
                io.tideway.engine.expr.fn.SessionZone.of(java.time.ZoneOffset.UTC));
    }
}
