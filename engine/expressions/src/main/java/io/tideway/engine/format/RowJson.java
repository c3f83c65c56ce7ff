package io.tideway.engine.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tideway.engine.expr.SessionConf;
import io.tideway.sql.Row;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.BinaryType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StringType;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@link Row#json()} and {@link Row#prettyJson()}: a row with its schema as Spark's
 * {@code Row.jsonValue} renders it through json4s and Jackson — integers as numbers, floats
 * widened to doubles, dates {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd HH:mm:ss} in the
 * session time zone, binary as base64, maps with string keys as objects sorted by key and other
 * maps as arrays of {@code {"key":..,"value":..}}, null fields kept. Pretty output is Jackson's
 * default pretty printer, as json4s's {@code pretty}. Stateless.
 */
public final class RowJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RowJson() {
    }

    /** The row as compact ({@code pretty} false) or indented JSON text. */
    public static String render(Row row, boolean pretty) {
        if (row.schema() == null) {
            // Spark's require(schema != null, ...)
            throw new IllegalArgumentException("requirement failed: JSON serialization requires a non-null schema.");
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, row, row.schema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value, DataType type) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            JsonValueWriter.writeDouble(g, ((Number) value).doubleValue());
        } else if (value instanceof java.math.BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof byte[] b && type instanceof BinaryType) {
            g.writeString(Base64.getEncoder().encodeToString(b));
        } else if (value instanceof LocalDate d) {
            g.writeString(d.toString());
        } else if (value instanceof Date d) {
            g.writeString(d.toLocalDate().toString());
        } else if (value instanceof Instant i) {
            g.writeString(TIMESTAMP.format(i.atZone(SessionConf.zone())));
        } else if (value instanceof Timestamp t) {
            g.writeString(TIMESTAMP.format(t.toInstant().atZone(SessionConf.zone())));
        } else if (value instanceof List<?> list && type instanceof ArrayType a) {
            g.writeStartArray();
            for (Object e : list) {
                write(g, e, a.elementType());
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map && type instanceof MapType m) {
            writeMap(g, map, m);
        } else if (value instanceof Row row && type instanceof StructType s) {
            g.writeStartObject();
            for (int i = 0; i < row.size(); i++) {
                g.writeFieldName(s.apply(i).name());
                write(g, row.get(i), s.apply(i).dataType());
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("Failed to convert value " + value + " (class of " + value.getClass()
                    + "}) with the type of " + type + " to JSON.");
        }
    }

    private static void writeMap(JsonGenerator g, Map<?, ?> map, MapType type) throws IOException {
        if (type.keyType() instanceof StringType) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            entries.sort((x, y) -> ((String) x.getKey()).compareTo((String) y.getKey()));
            g.writeStartObject();
            for (Map.Entry<?, ?> e : entries) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue(), type.valueType());
            }
            g.writeEndObject();
            return;
        }
        g.writeStartArray();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            g.writeStartObject();
            g.writeFieldName("key");
            write(g, e.getKey(), type.keyType());
            g.writeFieldName("value");
            write(g, e.getValue(), type.valueType());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
