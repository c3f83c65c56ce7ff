package io.tideway.engine.source.file;

import io.tideway.engine.expr.fn.FromXml;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.spi.Options;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * XML reading, as Spark's XML file source: each file's {@code rowTag} elements
 * ({@link XmlRecords}) are the records, each read into the schema by the {@code from_xml} reader
 * ({@link FromXml}: attributes with {@code attributePrefix}, text beside children as
 * {@code valueTag}, repeated elements as arrays, {@code nullValue}, {@code ignoreSurroundingSpaces},
 * {@code excludeAttribute}, {@code timestampFormat}/{@code dateFormat}); a record that does not
 * read follows {@code mode} and {@code columnNameOfCorruptRecord} ({@link MalformedRecordPolicy}).
 * A file is read whole: a record may span lines.
 *
 * <p>Threading: immutable; {@link #open} is called on worker threads.
 */
public final class XmlFormat implements FileReadFormat {
    private final StructType schema;
    private final Options options;
    private final ZoneId zone;
    private final String rowTag;
    private final MalformedRecordPolicy policy;

    XmlFormat(StructType schema, Options options, ZoneId zone) {
        this.schema = schema;
        this.options = options;
        this.zone = zone;
        this.rowTag = rowTag(options);
        this.policy = MalformedRecordPolicy.of(schema, options);
    }

    /** The {@code rowTag} option, which reading and writing require: Spark's {@code [XML_ROW_TAG_MISSING]}. */
    public static String rowTag(Options options) {
        return options.get("rowTag").orElseThrow(() -> io.tideway.engine.error.Unchecked.raise(
                new io.tideway.sql.AnalysisException("XML_ROW_TAG_MISSING", java.util.Map.of("rowTag", "`rowTag`"))));
    }

    /** The records of {@code file}. */
    static List<String> records(Path file, String rowTag) throws IOException {
        return XmlRecords.split(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), rowTag);
    }

    @Override
    public FileRowReader open(Path file) throws IOException {
        return reader(records(file, rowTag));
    }

    /** A reader of {@code records}, each a {@code rowTag} element's text. */
    FileRowReader reader(List<String> records) {
        FromXml reader = FromXml.forRecords(schema, zone, options.asMap());
        return new FileRowReader() {
            private int next;

            @Override
            public int next(RowWriter row) {
                if (next >= records.size()) {
                    return END;
                }
                String record = records.get(next++);
                FromXml.Parsed parsed = reader.parse(record);
                Object[] fields = parsed.fields();
                for (int i = 0; i < fields.length; i++) {
                    if (i != policy.corruptColumn()) {
                        RowConverter.writeValue(fields[i], schema.apply(i).dataType(), row, i);
                    }
                }
                if (!parsed.malformed()) {
                    policy.wellFormed(row);
                    return ROW;
                }
                return policy.malformed(record, fields, () -> null, row) ? ROW : DROPPED;
            }

            @Override
            public void close() {
                // the records were read whole before
            }
        };
    }
}
