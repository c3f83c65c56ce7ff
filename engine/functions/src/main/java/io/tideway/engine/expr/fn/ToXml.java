package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.format.JsonValueWriter;
import io.tideway.engine.row.RowConverter;
import io.tideway.sql.Row;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code to_xml} call site, as Spark's {@code StructsToXml} and {@code StaxXmlGenerator} with
 * its indenting writer: the struct is a {@code rowTag} element ({@code ROW}), fields named with
 * {@code attributePrefix} are its attributes (written first), the {@code valueTag} field its text,
 * other fields child elements (an array one element per value, {@code arrayElementName} ({@code item})
 * inside an array's array), null fields left out unless {@code nullValue} is set. Child elements
 * start on a new line indented by {@code indent} (four spaces) per level (without it, each row ends with a
 * line break), an element with nothing inside is closed as empty ({@code <a/>}); timestamps and dates as
 * the JSON writer formats them. A generated-code constant; one per call site, used by one thread.
 */
public final class ToXml {
    private final RowConverter rows;
    private final StructType type;
    private final XmlReadOptions options;
    private final String arrayElementName;
    private final JsonValueWriter formats;
    /** Per open element: whether a child element was written in it (then its end goes on a new line). */
    private final List<Boolean> open = new ArrayList<>();
    private StringBuilder out;

    ToXml(StructType type, ZoneId sessionZone, Map<String, String> options) {
        this.type = type;
        this.rows = new RowConverter(type);
        this.options = XmlReadOptions.of(options, sessionZone);
        this.arrayElementName = options.getOrDefault("arrayElementName", "item");
        String tz = options.get("timeZone");
        this.formats = new JsonValueWriter(tz == null ? sessionZone : ZoneId.of(tz), options);
    }

    /** Writes the XML of the struct at {@code (b, off, len)} into {@code to}; its length. */
    public int write(DirectBuffer b, int off, int len, BytesOut to) {
        out = new StringBuilder();
        open.clear();
        child(options.rowTag(), type, rows.toRow(b, off, len));
        if (!indented()) {
            out.append('\n'); // without indentation Spark ends each row with a line break
        }
        to.reset().append(out.toString());
        return to.length();
    }

    /** A writer of rows as {@code rowTag} elements, for the XML file sink, with {@code to_xml}'s options. */
    public static ToXml forRecords(StructType type, ZoneId zone, Map<String, String> options) {
        return new ToXml(type, zone, options);
    }

    /**
     * The XML of {@code row} as a {@code rowTag} element inside {@code depth} open elements (the
     * file sink's root tag): on a new line, indented as Spark's one indenting writer per file does.
     */
    public String element(Row row, int depth) {
        out = new StringBuilder();
        open.clear();
        for (int i = 0; i < depth; i++) {
            open.add(true);
        }
        child(options.rowTag(), type, row);
        return out.toString();
    }

    private boolean isAttribute(String name) {
        return name.startsWith(options.attributePrefix()) && !name.equals(options.valueTag());
    }

    /** Spark's {@code writeChildElement}. */
    private void child(String name, DataType t, Object v) {
        if ((v == null || t == DataTypes.NullType) && options.nullValue() == null) {
            return;
        }
        if (name.equals(options.valueTag())) {
            element(t, v);
            return;
        }
        start(name);
        element(t, v);
        end(name);
    }

    /** Spark's {@code writeChild}: an attribute, each value of an array, or an element. */
    private void member(String name, DataType t, Object v) {
        if (isAttribute(name)) {
            String text = v == null || t == DataTypes.NullType ? options.nullValue() : scalar(t, v);
            if (text != null) {
                attribute(name.substring(options.attributePrefix().length()), text);
            }
        } else if (t instanceof ArrayType at && v instanceof List<?> values) {
            for (Object e : values) {
                child(name, at.elementType(), e);
            }
        } else {
            child(name, t, v);
        }
    }

    /** Spark's {@code writeElement}: the content of an element. */
    private void element(DataType t, Object v) {
        if (v == null || t == DataTypes.NullType) {
            text(options.nullValue() == null ? "" : options.nullValue());
        } else if (t instanceof StructType st) {
            Row r = (Row) v;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < st.length(); i++) {
                if (isAttribute(st.apply(i).name())) {
                    order.add(i);
                }
            }
            for (int i = 0; i < st.length(); i++) {
                if (!isAttribute(st.apply(i).name())) {
                    order.add(i);
                }
            }
            for (int i : order) {
                StructField f = st.apply(i);
                member(f.name(), f.dataType(), r.get(i));
            }
        } else if (t instanceof ArrayType at) {
            for (Object e : (List<?>) v) {
                member(arrayElementName, at.elementType(), e);
            }
        } else if (t instanceof MapType mt) {
            Map<?, ?> m = (Map<?, ?>) v;
            for (boolean attributes : new boolean[] {true, false}) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (isAttribute(e.getKey().toString()) == attributes) {
                        member(e.getKey().toString(), mt.valueType(), e.getValue());
                    }
                }
            }
        } else {
            text(scalar(t, v));
        }
    }

    private String scalar(DataType t, Object v) {
        if (v instanceof Timestamp ts) {
            return formats.timestamp(RowConverter.toMicros(ts));
        } else if (v instanceof Date d) {
            return formats.date((int) d.toLocalDate().toEpochDay());
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    // The indenting writer: a start tag goes on a new line (but the first), an end tag too if its element has children

    private void start(String name) {
        closeStartTag();
        if (!open.isEmpty()) {
            open.set(open.size() - 1, true);
            if (indented()) {
                out.append('\n').append(options.indent().repeat(open.size()));
            }
        }
        out.append('<').append(name).append('\u0000');
        open.add(false);
    }

    private void end(String name) {
        boolean hadChildren = open.remove(open.size() - 1);
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\u0000') {
            out.setLength(out.length() - 1);
            out.append("/>"); // nothing inside: Spark's writer closes it as an empty element
            return;
        }
        if (hadChildren && indented()) {
            out.append('\n').append(options.indent().repeat(open.size()));
        }
        out.append("</").append(name).append('>');
    }

    private boolean indented() {
        return !options.indent().isEmpty();
    }

    private void attribute(String name, String value) {
        out.setLength(out.length() - 1);
        out.append(' ').append(name).append("=\"").append(escape(value, true)).append('"').append('\u0000');
    }

    private void text(String s) {
        closeStartTag();
        out.append(escape(s, false));
    }

    /** Ends a start tag still open for attributes (marked by a trailing NUL). */
    private void closeStartTag() {
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\u0000') {
            out.setLength(out.length() - 1);
            out.append('>');
        }
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '&' -> b.append("&amp;");
                case '>' -> b.append(i >= 2 && s.startsWith("]]", i - 2) ? "&gt;" : ">"); // only "]]>" needs it
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
