package io.tideway.engine.expr.fn;

import io.tideway.engine.format.TimestampParser;

import javax.xml.stream.XMLInputFactory;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The options of Spark's XML functions, by Spark's names and defaults: {@code attributePrefix}
 * ({@code _}), {@code valueTag} ({@code _VALUE}), {@code nullValue} (none), {@code mode}
 * ({@code PERMISSIVE}), {@code columnNameOfCorruptRecord} ({@code _corrupt_record}),
 * {@code ignoreSurroundingSpaces} (true), {@code excludeAttribute} (false), {@code rowTag}
 * ({@code ROW}), {@code indent} (four spaces), {@code timestampFormat}, {@code dateFormat},
 * {@code timeZone}. Also the StAX factory Spark configures (not namespace aware, coalescing, no
 * DTD or external entities). Immutable.
 */
record XmlReadOptions(String attributePrefix, String valueTag, String nullValue, String mode, String corruptColumn,
                      boolean ignoreSurroundingSpaces, boolean excludeAttribute, String rowTag, String indent,
                      TimestampParser timestamps) {

    static XmlReadOptions of(Map<String, String> o, ZoneId sessionZone) {
        String tz = o.get("timeZone");
        return new XmlReadOptions(o.getOrDefault("attributePrefix", "_"), o.getOrDefault("valueTag", "_VALUE"),
                o.get("nullValue"), o.getOrDefault("mode", "PERMISSIVE").toUpperCase(Locale.ROOT),
                o.getOrDefault("columnNameOfCorruptRecord", "_corrupt_record"),
                Boolean.parseBoolean(o.getOrDefault("ignoreSurroundingSpaces", "true")),
                Boolean.parseBoolean(o.getOrDefault("excludeAttribute", "false")), o.getOrDefault("rowTag", "ROW"),
                o.getOrDefault("indent", "    "),
                new TimestampParser(tz == null ? sessionZone : ZoneId.of(tz), o.get("timestampFormat"), o.get("dateFormat")));
    }

    /** A StAX factory as Spark's {@code StaxXmlParserUtils} makes it. */
    static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return f;
    }

    /** A value as Spark's XML reader sees it: trimmed unless told not to, null if it is the nullValue. */
    String value(String text) {
        String v = text != null && ignoreSurroundingSpaces ? text.trim() : text;
        return v == null || v.equals(nullValue) ? null : v;
    }
}
