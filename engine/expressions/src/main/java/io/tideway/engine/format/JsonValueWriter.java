package io.tideway.engine.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tideway.engine.row.RowConverter;
import io.tideway.sql.Row;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a value in its Java form (a {@link Row} for a struct, a list, a map) as JSON, as Spark's
 * {@code JacksonGenerator}: struct fields in order, null fields left out unless
 * {@code ignoreNullFields} is false, timestamps as {@code timestampFormat} (default
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}) in the zone given, dates as {@code dateFormat} (default
 * {@code yyyy-MM-dd}), binary as base64, NaN and infinities as strings, map keys as their text.
 * One definition for the JSON file sink and {@code to_json}. Immutable and thread-safe.
 */
public final class JsonValueWriter {
    private final DateTimeFormatter timestamp;
    private final DateTimeFormatter date;
    private final boolean ignoreNullFields;
    /** The zone a nested variant's timestamps are written in. */
    private final ZoneId zone;

    public JsonValueWriter(ZoneId zone, Map<String, String> options) {
        this.zone = zone;
        this.timestamp = DateTimeFormatter.ofPattern(options.getOrDefault("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
                Locale.US).withZone(zone);
        String d = options.get("dateFormat");
        this.date = d == null ? null : DateTimeFormatter.ofPattern(d, Locale.US);
        this.ignoreNullFields = JsonOptions.bool(options, "ignoreNullFields", true);
    }

    /** Whether a null struct field is left out. */
    public boolean ignoreNullFields() {
        return ignoreNullFields;
    }

    /** A timestamp's text. */
    public String timestamp(long micros) {
        return timestamp.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
    }

    /** A date's text. */
    public String date(int epochDay) {
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay);
        return date == null ? d.toString() : date.format(d);
    }

    /** Writes {@code v} of type {@code t}. */
    public void write(JsonGenerator g, Object v, DataType t) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (t instanceof ArrayType at) {
            g.writeStartArray();
            for (Object e : (List<?>) v) {
                write(g, e, at.elementType());
            }
            g.writeEndArray();
        } else if (t instanceof MapType mt) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue(), mt.valueType());
            }
            g.writeEndObject();
        } else if (t instanceof StructType st) {
            Row r = (Row) v;
            g.writeStartObject();
            for (int i = 0; i < st.length(); i++) {
                if (r.get(i) == null && ignoreNullFields) {
                    continue;
                }
                g.writeFieldName(st.apply(i).name());
                write(g, r.get(i), st.apply(i).dataType());
            }
            g.writeEndObject();
        } else if (v instanceof io.tideway.unsafe.types.VariantVal variant) { // its JSON in place, as Spark's
            g.writeRawValue(variant.toJson(zone));
        } else if (v instanceof Timestamp ts) {
            g.writeString(timestamp(RowConverter.toMicros(ts)));
        } else if (v instanceof Date d) {
            g.writeString(date((int) d.toLocalDate().toEpochDay()));
        } else if (v instanceof Double d) {
            writeDouble(g, d);
        } else if (v instanceof Float f) {
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                g.writeString(Float.toString(f));
            } else {
                g.writeNumber(f);
            }
        } else if (v instanceof java.math.BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof byte[] bytes) {
            g.writeBinary(bytes);
        } else {
            g.writeString(v.toString());
        }
    }

    /** A double as a number, or NaN and the infinities as strings. */
    public static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            g.writeString(Double.toString(d));
        } else {
            g.writeNumber(d);
        }
    }
}
