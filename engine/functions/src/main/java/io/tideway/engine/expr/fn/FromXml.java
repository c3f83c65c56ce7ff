package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.format.CsvValueParser;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.Characters;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import java.io.StringReader;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.ParseException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code from_xml} call site, as Spark's {@code XmlToStructs} and {@code StaxXmlParser}: the
 * document's root element is the row (its name does not matter), its attributes are the fields
 * named with {@code attributePrefix}, its child elements the fields of their names (case
 * insensitive), repeated ones the elements of an array field, and text beside child elements the
 * {@code valueTag} field. A value that does not convert leaves its field null and makes the record
 * malformed, as a document that does not parse does (every field null): its text goes to the
 * {@code columnNameOfCorruptRecord} field if the schema has one, or with {@code mode=FAILFAST} the
 * query fails. Read with the JDK's StAX parser, configured as Spark's. A generated-code constant;
 * one per call site, used by one thread.
 */
public final class FromXml {
    private static final XMLInputFactory FACTORY = XmlReadOptions.inputFactory();

    private final StructType schema;
    private final XmlReadOptions options;
    private final int corruptField;

    FromXml(StructType schema, ZoneId sessionZone, Map<String, String> options) {
        this.schema = schema;
        this.options = XmlReadOptions.of(options, sessionZone);
        int c = -1;
        for (int i = 0; i < schema.length(); i++) {
            if (schema.apply(i).name().equals(this.options.corruptColumn())) {
                c = i;
            }
        }
        this.corruptField = c;
    }

    /** A field that did not convert: the row as far as it was read, and the cause. */
    private static final class PartialResult extends RuntimeException {
        final Object[] row;

        PartialResult(Object[] row, Throwable cause) {
            super(cause);
            this.row = row;
        }
    }

    /** Writes the struct read from the XML text at {@code (b, off, len)} into {@code out}; its length. */
    public int read(DirectBuffer b, int off, int len, CollectionOut out) {
        if (!options.mode().equals("PERMISSIVE") && !options.mode().equals("FAILFAST")) {
            throw Unchecked.raise(new AnalysisException("PARSE_MODE_UNSUPPORTED",
                    Map.of("funcName", ErrorParams.id("from_xml"), "mode", options.mode())));
        }
        String text = b.getStringWithoutLengthUtf8(off, len);
        Parsed parsed = parse(text);
        return ParsedRecord.finish(parsed.fields(), parsed.malformed(), options.mode(), corruptField, text, schema, out);
    }

    /**
     * A reader of XML records into {@code schema}'s fields, for the XML file source (each record
     * one {@code rowTag} element), with the same options as {@code from_xml}.
     */
    public static FromXml forRecords(StructType schema, ZoneId zone, Map<String, String> options) {
        return new FromXml(schema, zone, options);
    }

    /** A record's fields (Java values; null where a value did not convert) and whether it was malformed. */
    public record Parsed(Object[] fields, boolean malformed) {
    }

    /** Parses one XML document or record; the corrupt-record field is left for the caller's parse mode. */
    public Parsed parse(String text) {
        try {
            XMLEventReader r = FACTORY.createFilteredReader(FACTORY.createXMLEventReader(new StringReader(text)),
                    e -> keep(e.getEventType()));
            XMLEvent root = r.peek();
            while (r.hasNext() && root.getEventType() != XMLStreamConstants.START_ELEMENT) {
                root = r.nextEvent();
            }
            Object[] fields = object(r, schema, attributes(root.asStartElement()));
            r.close();
            return new Parsed(fields, false);
        } catch (PartialResult p) {
            return new Parsed(p.row, true);
        } catch (RuntimeException | XMLStreamException e) {
            return new Parsed(new Object[schema.length()], true);
        }
    }

    /** Comments, processing instructions and DTD events are skipped, as Spark's filter does. */
    private static boolean keep(int type) {
        return switch (type) {
            case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.DTD,
                 XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.ENTITY_REFERENCE,
                 XMLStreamConstants.NOTATION_DECLARATION -> false;
            default -> true;
        };
    }

    private static List<Attribute> attributes(StartElement e) {
        List<Attribute> out = new ArrayList<>();
        for (Iterator<Attribute> it = e.getAttributes(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static int index(StructType st, String name) {
        for (int i = 0; i < st.length(); i++) {
            if (st.apply(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int exactIndex(StructType st, String name) {
        for (int i = 0; i < st.length(); i++) {
            if (st.apply(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The attributes that are fields of {@code st}, by field index, converted to their types. */
    private Map<Integer, Object> attributeValues(List<Attribute> attributes, StructType st) {
        Map<Integer, Object> out = new LinkedHashMap<>();
        if (options.excludeAttribute()) {
            return out;
        }
        for (Attribute a : attributes) {
            int i = index(st, options.attributePrefix() + a.getName().getLocalPart());
            if (i >= 0) {
                out.put(i, convert(a.getValue(), st.apply(i).dataType()));
            }
        }
        return out;
    }

    /** Spark's {@code convertObject}: the children of the element just opened, up to its end. */
    @SuppressWarnings("unchecked")
    private Object[] object(XMLEventReader r, StructType st, List<Attribute> rootAttributes) throws XMLStreamException {
        Object[] row = new Object[st.length()];
        attributeValues(rootAttributes, st).forEach((i, v) -> row[i] = v);
        RuntimeException bad = null;
        boolean stop = false;
        while (!stop) {
            XMLEvent e = r.nextEvent();
            if (e.isStartElement()) {
                try {
                    StartElement s = e.asStartElement();
                    String field = s.getName().getLocalPart();
                    int i = index(st, field);
                    if (i < 0) {
                        skipChildren(r);
                    } else if (st.apply(i).dataType() instanceof StructType nested) {
                        row[i] = objectWithAttributes(r, nested, attributes(s));
                    } else if (st.apply(i).dataType() instanceof ArrayType at) {
                        List<Object> values = row[i] == null ? new ArrayList<>() : (List<Object>) row[i];
                        values.add(at.elementType() instanceof StructType es ? objectWithAttributes(r, es, attributes(s))
                                : field(r, at.elementType(), attributes(s)));
                        row[i] = values;
                    } else {
                        row[i] = field(r, st.apply(i).dataType(), attributes(s));
                    }
                } catch (RuntimeException | XMLStreamException x) {
                    bad = bad != null ? bad : new RuntimeException(x);
                }
            } else if (e.isCharacters() && !e.asCharacters().isWhiteSpace()) {
                addValue(row, st, e.asCharacters().getData());
            } else if (e.isEndElement() || e.isEndDocument()) {
                stop = true;
            }
        }
        if (bad != null) {
            throw new PartialResult(row, bad);
        }
        return row;
    }

    /** The {@code valueTag} text of an element that has children too; appended to an array value tag. */
    @SuppressWarnings("unchecked")
    private void addValue(Object[] row, StructType st, String data) {
        int i = exactIndex(st, options.valueTag());
        if (i < 0) {
            return;
        }
        if (st.apply(i).dataType() instanceof ArrayType at) {
            List<Object> values = row[i] == null ? new ArrayList<>() : (List<Object>) row[i];
            values.add(convert(data, at.elementType()));
            row[i] = values;
        } else {
            row[i] = convert(data, st.apply(i).dataType());
        }
    }

    /** Spark's {@code convertObjectWithAttributes}: a struct element's attributes and content as one row. */
    private Object objectWithAttributes(XMLEventReader r, StructType st, List<Attribute> attributes) throws XMLStreamException {
        Map<Integer, Object> attrs = attributeValues(attributes, st);
        Object content = field(r, st, List.of());
        Object[] row = new Object[st.length()];
        boolean any = !attrs.isEmpty();
        if (content instanceof Object[] fields) {
            System.arraycopy(fields, 0, row, 0, row.length);
            any = true;
        } else if (exactIndex(st, options.valueTag()) >= 0) {
            row[exactIndex(st, options.valueTag())] = content;
            any = true;
        }
        attrs.forEach((i, v) -> row[i] = v);
        return RowFactory.create(any ? row : new Object[st.length()]);
    }

    /** Spark's {@code convertField}: the value of the element just opened, as {@code type}. */
    private Object field(XMLEventReader r, DataType type, List<Attribute> attributes) throws XMLStreamException {
        XMLEvent next = r.peek();
        if (next.isStartElement()) {
            if (type instanceof StructType st) {
                return object(r, st, List.of());
            } else if (type instanceof MapType mt) {
                return map(r, mt.valueType(), attributes);
            } else if (type instanceof ArrayType at) {
                return field(r, at.elementType(), attributes);
            } else if (type == DataTypes.StringType) {
                return convert(structureAsString(r), DataTypes.StringType);
            }
            throw new IllegalArgumentException("Failed to parse a value for data type " + type.simpleString());
        }
        if (next.isEndElement()) {
            skipNextEndElement(r);
            return type == DataTypes.StringType && !"".equals(options.nullValue()) ? "" : null;
        }
        if (next.isCharacters()) {
            Characters c = next.asCharacters();
            if (type instanceof ArrayType at) {
                r.nextEvent();
                Object v = convert(c.getData(), at.elementType());
                skipNextEndElement(r);
                return v;
            } else if (type instanceof StructType st) {
                return object(r, st, List.of());
            } else if (type == DataTypes.StringType) {
                return convert(structureAsString(r), DataTypes.StringType);
            } else if (c.isWhiteSpace()) {
                r.nextEvent();
                return field(r, type, attributes);
            }
            Object v = convert(c.getData(), type);
            r.nextEvent();
            skipNextEndElement(r);
            return v;
        }
        throw new IllegalArgumentException("Failed to parse a value for data type " + type.simpleString());
    }

    /** Spark's {@code convertMap}: attributes and child elements as entries. */
    private Map<String, Object> map(XMLEventReader r, DataType valueType, List<Attribute> attributes) throws XMLStreamException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            out.put(options.attributePrefix() + a.getName().getLocalPart(), convert(a.getValue(), valueType));
        }
        while (true) {
            XMLEvent e = r.nextEvent();
            if (e.isStartElement()) {
                out.put(e.asStartElement().getName().getLocalPart(), field(r, valueType, List.of()));
            } else if (e.isCharacters() && !e.asCharacters().isWhiteSpace()) {
                out.put(options.valueTag(), convert(e.asCharacters().getData(), valueType));
            } else if (e.isEndElement() || e.isEndDocument()) {
                return out;
            }
        }
    }

    /** The content of the element just opened as text, nested elements written back as tags; its end consumed. */
    private static String structureAsString(XMLEventReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        do {
            XMLEvent e = r.nextEvent();
            if (e.isStartElement()) {
                StartElement s = e.asStartElement();
                sb.append('<').append(s.getName());
                for (Attribute a : attributes(s)) {
                    sb.append(' ').append(a.getName()).append("=\"").append(a.getValue()).append('"');
                }
                sb.append('>');
                depth++;
            } else if (e.isEndElement()) {
                sb.append("</").append(e.asEndElement().getName()).append('>');
                depth--;
            } else if (e.isCharacters()) {
                sb.append(e.asCharacters().getData());
            }
        } while (!r.peek().isEndElement() || depth > 0);
        skipNextEndElement(r);
        return sb.toString();
    }

    private static void skipChildren(XMLEventReader r) throws XMLStreamException {
        while (true) {
            XMLEvent e = r.nextEvent();
            if (e.isStartElement()) {
                skipChildren(r);
            } else if (e.isEndElement()) {
                return;
            }
        }
    }

    private static void skipNextEndElement(XMLEventReader r) throws XMLStreamException {
        while (true) {
            XMLEvent e = r.nextEvent();
            if (e.isEndElement()) {
                return;
            }
            if (!(e.isCharacters() && e.asCharacters().isWhiteSpace())) {
                throw new IllegalStateException("Expected an end element");
            }
        }
    }

    /** Spark's {@code convertTo}: the text (trimmed, nullValue null) as {@code type}; throws if it does not convert. */
    private Object convert(String datum, DataType type) {
        String v = options.value(datum);
        if (v == null) {
            return null;
        }
        if (type == DataTypes.StringType || type == DataTypes.NullType) {
            return v;
        } else if (type == DataTypes.LongType) {
            return signed(v) ? -Long.parseLong(v.substring(1)) : Long.parseLong(unsigned(v));
        } else if (type == DataTypes.IntegerType) {
            return signed(v) ? -Integer.parseInt(v.substring(1)) : Integer.parseInt(unsigned(v));
        } else if (type == DataTypes.ShortType) {
            return Short.parseShort(v);
        } else if (type == DataTypes.ByteType) {
            return Byte.parseByte(v);
        } else if (type == DataTypes.DoubleType) {
            return signed(v) ? -number(v.substring(1)) : number(unsigned(v));
        } else if (type == DataTypes.FloatType) {
            return (float) (signed(v) ? -number(v.substring(1)) : number(unsigned(v)));
        } else if (type == DataTypes.BooleanType) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("For input string: \"" + v + "\"");
            };
        } else if (type instanceof DecimalType d) {
            return CsvValueParser.decimal(new BigDecimal(v.replace(",", "")), d);
        } else if (type == DataTypes.TimestampType) {
            return options.timestamps().timestamp(v);
        } else if (type == DataTypes.DateType) {
            return options.timestamps().date(v);
        }
        throw new IllegalArgumentException("Failed to parse a value for data type " + type.simpleString());
    }

    private static boolean signed(String v) {
        return v.startsWith("-");
    }

    private static String unsigned(String v) {
        return v.startsWith("+") ? v.substring(1) : v;
    }

    /** Scala's {@code toDouble}, else the locale's number format, as Spark's XML reader parses a double. */
    private static double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            try {
                return NumberFormat.getInstance(Locale.getDefault()).parse(v).doubleValue();
            } catch (ParseException p) {
                throw new IllegalArgumentException(p.getMessage(), p);
            }
        }
    }
}
