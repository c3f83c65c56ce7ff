package io.tideway.engine.sink.file;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A row's partition directory, {@code col=value/...}, as Spark's {@code ExternalCatalogUtils}
 * names it: the value cast to string (a timestamp in the session time zone, without trailing
 * zero fractions), null or empty as {@code __HIVE_DEFAULT_PARTITION__}, and the characters Spark
 * escapes (quotes, {@code #}, {@code %}, {@code *}, the slashes, {@code :}, {@code =}, {@code ?},
 * brackets, braces, {@code ^}, DEL and control characters) as {@code %XX}, which the file
 * source's partition discovery reads back. Immutable.
 */
final class PartitionDirectory {
    static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";
    private static final String ESCAPED = "\"#%'*/:=?\\\u007F{[]^";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final String[] names;
    private final ZoneId zone;

    PartitionDirectory(String[] names, ZoneId zone) {
        this.names = names;
        this.zone = zone;
    }

    /** The relative directory of a row whose partition columns hold {@code values}. */
    String of(Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            String v = text(values[i]);
            sb.append(escape(names[i])).append('=').append(v == null || v.isEmpty() ? DEFAULT_PARTITION_NAME : escape(v));
        }
        return sb.toString();
    }

    private String text(Object v) {
        if (v == null) {
            return null;
        } else if (v instanceof Timestamp t) {
            var local = t.toInstant().atZone(zone).toLocalDateTime();
            String s = SECONDS.format(local);
            if (local.getNano() != 0) {
                String frac = String.format(Locale.ROOT, "%09d", local.getNano()).substring(0, 6).replaceAll("0+$", "");
                s += "." + frac;
            }
            return s;
        } else if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || ESCAPED.indexOf(c) >= 0) {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
