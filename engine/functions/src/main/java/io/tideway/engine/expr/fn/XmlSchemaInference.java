package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.expr.BytesOut;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code schema_of_xml} at one call site, as Spark's {@code XmlInferSchema}: the root element's
 * attributes (with {@code attributePrefix}) and child elements become fields sorted by name, a
 * repeated element an array, an element with attributes a struct whose text is the
 * {@code valueTag} field; a value is a bigint, a double, a boolean, a date, a timestamp or a
 * string, in that order of preference; an empty value is a string unless another occurrence says
 * more. Types of several occurrences merge as Spark's {@code compatibleType}. The DDL text of the
 * result. One per call site, used by one thread.
 */
public final class XmlSchemaInference {
    private static final XMLInputFactory FACTORY = XmlReadOptions.inputFactory();

    private final XmlReadOptions options;

    XmlSchemaInference(Map<String, String> options) {
        this.options = XmlReadOptions.of(options, ZoneOffset.UTC);
    }

    /** An inference with these options, for the XML file source's records (merged with {@link #merge}). */
    public static XmlSchemaInference forRecords(Map<String, String> options) {
        return new XmlSchemaInference(options);
    }

    /** The struct of one record before {@link #finish} (fields only ever empty are still {@code void}). */
    public StructType record(String xml) throws XMLStreamException {
        XMLEventReader r = FACTORY.createXMLEventReader(new StringReader(xml));
        XMLEvent root = r.peek();
        while (r.hasNext() && root.getEventType() != XMLStreamConstants.START_ELEMENT) {
            root = r.nextEvent();
        }
        return object(r, attributes(root.asStartElement()));
    }

    /** Two records' structs merged, as Spark's {@code compatibleType} reduces the records of a file source. */
    public static StructType merge(StructType a, StructType b) {
        return (StructType) compatible(a, b);
    }

    /** The merged struct with {@code void} fields as strings, as Spark's {@code canonicalizeType}. */
    public static StructType finish(StructType merged) {
        return (StructType) canonical(merged);
    }

    /** The DDL of the schema of the document at {@code (b, off, len)}, written to {@code out}; its length. */
    public int text(DirectBuffer b, int off, int len, BytesOut out) {
        return out.reset().append(of(b.getStringWithoutLengthUtf8(off, len))).length();
    }

    /** The DDL text of the schema of {@code xml}. */
    String of(String xml) {
        try {
            XMLEventReader r = FACTORY.createXMLEventReader(new StringReader(xml));
            XMLEvent root = r.peek();
            while (r.hasNext() && root.getEventType() != XMLStreamConstants.START_ELEMENT) {
                root = r.nextEvent();
            }
            DataType t = canonical(object(r, attributes(root.asStartElement())));
            return ErrorParams.sql(t);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("Failed to infer the schema of XML: " + e.getMessage(), e);
        }
    }

    private static List<Attribute> attributes(StartElement e) {
        List<Attribute> out = new ArrayList<>();
        for (Iterator<Attribute> it = e.getAttributes(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private Map<String, DataType> attributeTypes(List<Attribute> attributes) {
        Map<String, DataType> out = new LinkedHashMap<>();
        if (!options.excludeAttribute()) {
            for (Attribute a : attributes) {
                out.put(options.attributePrefix() + a.getName().getLocalPart(), value(a.getValue()));
            }
        }
        return out;
    }

    private StructType object(XMLEventReader r, List<Attribute> rootAttributes) throws XMLStreamException {
        Map<String, DataType> fields = new LinkedHashMap<>();
        attributeTypes(rootAttributes).forEach((f, t) -> add(fields, f, t));
        while (true) {
            XMLEvent e = r.nextEvent();
            if (e.isStartElement()) {
                StartElement s = e.asStartElement();
                Map<String, DataType> attrs = attributeTypes(attributes(s));
                DataType t = field(r);
                if (!attrs.isEmpty()) {
                    List<StructField> nested = new ArrayList<>();
                    if (t instanceof StructType st) {
                        nested.addAll(List.of(st.fields()));
                    } else {
                        nested.add(new StructField(options.valueTag(), t, true));
                    }
                    attrs.forEach((f, at) -> nested.add(new StructField(f, at, true)));
                    t = sorted(nested);
                }
                add(fields, s.getName().getLocalPart(), t);
            } else if (e.isCharacters() && !e.asCharacters().isWhiteSpace()) {
                add(fields, options.valueTag(), value(e.asCharacters().getData()));
            } else if (e.isEndElement() || e.isEndDocument()) {
                List<StructField> list = new ArrayList<>();
                fields.forEach((f, t) -> list.add(new StructField(f, t, true)));
                return sorted(list);
            }
        }
    }

    private DataType field(XMLEventReader r) throws XMLStreamException {
        XMLEvent next = r.peek();
        if (next.isEndElement()) {
            r.nextEvent();
            return DataTypes.NullType;
        }
        StructType st = object(r, List.of());
        if (next.isCharacters()) {
            if (st.length() == 1 && st.apply(0).name().equals(options.valueTag())
                    && !(st.apply(0).dataType() instanceof StructType) && !(st.apply(0).dataType() instanceof ArrayType)) {
                return st.apply(0).dataType();
            }
            if (st.length() == 0) {
                return DataTypes.NullType;
            }
        }
        return st;
    }

    private static StructType sorted(List<StructField> fields) {
        fields.sort(Comparator.comparing(StructField::name));
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** A second occurrence of a field makes it an array, even an empty one ({@code <r/>}), as Spark 4.0's inference. */
    private static void add(Map<String, DataType> fields, String name, DataType t) {
        DataType old = fields.get(name);
        if (old == null) {
            fields.put(name, t);
        } else if (!(old instanceof ArrayType)) {
            fields.put(name, DataTypes.createArrayType(compatible(old, t), true));
        } else {
            fields.put(name, compatible(old, t));
        }
    }

    private DataType value(String datum) {
        // trimmed only: Spark's inferFrom does not compare with nullValue, which only the reader applies
        String v = datum != null && options.ignoreSurroundingSpaces() ? datum.trim() : datum;
        if (v == null || v.isEmpty()) {
            return DataTypes.NullType;
        }
        if (isLong(v)) {
            return DataTypes.LongType;
        }
        if (isDouble(v)) {
            return DataTypes.DoubleType;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return DataTypes.BooleanType;
        }
        try {
            options.timestamps().date(v);
            if (v.length() <= 10) {
                return DataTypes.DateType;
            }
        } catch (RuntimeException notDate) {
            // not a date: maybe a timestamp
        }
        try {
            options.timestamps().timestamp(v);
            return DataTypes.TimestampType;
        } catch (RuntimeException notTimestamp) {
            return DataTypes.StringType;
        }
    }

    private static String signless(String v) {
        return v.startsWith("+") || v.startsWith("-") ? v.substring(1) : v;
    }

    private static boolean isLong(String v) {
        try {
            Long.parseLong(signless(v));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDouble(String v) {
        String s = signless(v);
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '.')) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Spark's {@code compatibleType} for XML: the wider of two types, string when they disagree. */
    private static DataType compatible(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a == DataTypes.NullType) {
            return b;
        }
        if (b == DataTypes.NullType) {
            return a;
        }
        if ((a == DataTypes.LongType || a == DataTypes.DoubleType) && (b == DataTypes.LongType || b == DataTypes.DoubleType)) {
            return DataTypes.DoubleType;
        }
        if ((a == DataTypes.DateType || a == DataTypes.TimestampType) && (b == DataTypes.DateType || b == DataTypes.TimestampType)) {
            return DataTypes.TimestampType;
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            Map<String, DataType> merged = new LinkedHashMap<>();
            for (StructField f : x.fields()) {
                merged.put(f.name(), f.dataType());
            }
            for (StructField f : y.fields()) {
                merged.merge(f.name(), f.dataType(), XmlSchemaInference::compatible);
            }
            List<StructField> list = new ArrayList<>();
            merged.forEach((f, t) -> list.add(new StructField(f, t, true)));
            return sorted(list);
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return DataTypes.createArrayType(compatible(x.elementType(), y.elementType()), true);
        }
        if (a instanceof ArrayType x) {
            return DataTypes.createArrayType(compatible(x.elementType(), b), true);
        }
        if (b instanceof ArrayType y) {
            return DataTypes.createArrayType(compatible(a, y.elementType()), true);
        }
        return DataTypes.StringType;
    }

    /** Null types become strings, as Spark's {@code canonicalizeType}. */
    private static DataType canonical(DataType t) {
        if (t == DataTypes.NullType) {
            return DataTypes.StringType;
        }
        if (t instanceof ArrayType at) {
            return DataTypes.createArrayType(canonical(at.elementType()), true);
        }
        if (t instanceof StructType st) {
            StructField[] f = new StructField[st.length()];
            for (int i = 0; i < f.length; i++) {
                f[i] = new StructField(st.apply(i).name(), canonical(st.apply(i).dataType()), true);
            }
            return new StructType(f);
        }
        return t;
    }
}
