package io.tideway.types.variant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;

/**
 * A variant as JSON text, as Spark's {@code Variant.toJson} writes it: no spaces, object fields in
 * key order, strings escaped as Jackson escapes them, doubles and floats as Java prints them,
 * decimals plain without trailing zeros, dates, timestamps and binaries (base64) quoted.
 * Stateless.
 */
final class VariantJsonWriter {
    private static final DateTimeFormatter NTZ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.US);
    private static final DateTimeFormatter LTZ = new DateTimeFormatterBuilder()
            .append(NTZ).appendOffset("+HH:MM", "+00:00").toFormatter(Locale.US);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private VariantJsonWriter() {
    }

    static void append(StringBuilder sb, Variant v, ZoneId zone) {
        switch (v.kind()) {
            case OBJECT -> {
                sb.append('{');
                int n = v.size();
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    quote(sb, v.fieldKey(i));
                    sb.append(':');
                    append(sb, v.fieldValue(i), zone);
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                int n = v.size();
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    append(sb, v.element(i), zone);
                }
                sb.append(']');
            }
            case NULL -> sb.append("null");
            case BOOLEAN -> sb.append(v.getBoolean());
            case LONG -> sb.append(v.getLong());
            case STRING -> quote(sb, v.getString());
            case DOUBLE -> sb.append(v.getDouble());
            case FLOAT -> sb.append(v.getFloat());
            case DECIMAL -> sb.append(v.getDecimal().toPlainString());
            case DATE -> sb.append('"').append(LocalDate.ofEpochDay(v.getLong())).append('"');
            case TIMESTAMP -> sb.append('"').append(LTZ.format(instant(v.getLong()).atZone(zone))).append('"');
            case TIMESTAMP_NTZ -> sb.append('"').append(NTZ.format(instant(v.getLong()).atZone(ZoneOffset.UTC))).append('"');
            case BINARY -> sb.append('"').append(Base64.getEncoder().encodeToString(v.getBinary())).append('"');
            case UUID -> sb.append('"').append(v.getUuid()).append('"');
        }
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** A JSON string literal with Jackson's default escapes (short forms for \b \t \n \f \r, \\u00XX for other controls). */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
