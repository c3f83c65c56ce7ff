package io.tideway.engine.source.file;

import io.tideway.SparkException;
import io.tideway.engine.datasource.DataSourceErrors;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.fn.XmlSchemaInference;
import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.StringRecordsProvider;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code format("xml")}: the {@code rowTag} elements of XML files ({@link XmlFormat}); a stream
 * needs a user schema, as Spark's, a batch read infers one as Spark's {@code XmlInferSchema} (each
 * record's attributes and children, merged over every record; see {@link XmlSchemaInference}), a
 * record that does not parse adding the corrupt-record column in PERMISSIVE mode. Stateless.
 */
public final class XmlSourceProvider extends FileSourceProvider implements StringRecordsProvider {
    @Override
    public String shortName() {
        return "xml";
    }

    @Override
    protected StructType resolveSchema(StructType userSchema, Options options) {
        XmlFormat.rowTag(options);
        return requireUserSchema(userSchema);
    }

    @Override
    protected FileReadFormat format(StructType schema, Options options, ZoneId zone) {
        return new XmlFormat(schema, options, zone);
    }

    @Override
    protected StructType inferSchema(List<Path> files, Options options, ZoneId zone) {
        String rowTag = XmlFormat.rowTag(options);
        if (files.isEmpty()) {
            throw DataSourceErrors.unableToInferSchema("XML");
        }
        List<String> records = new ArrayList<>();
        for (Path f : files) {
            try {
                records.addAll(XmlFormat.records(f, rowTag));
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read file " + f.toUri() + ": " + e, e);
            }
        }
        return infer(records, options);
    }

    /** The schema of {@code records}, each a {@code rowTag} element's text. */
    static StructType infer(List<String> records, Options options) {
        ParseMode mode = ParseMode.fromOptions(options);
        String corrupt = options.getOrDefault(MalformedRecordPolicy.CORRUPT_COLUMN_OPTION,
                MalformedRecordPolicy.DEFAULT_CORRUPT_COLUMN);
        XmlSchemaInference inference = XmlSchemaInference.forRecords(options.asMap());
        StructType merged = new StructType();
        boolean anyCorrupt = false;
        for (String r : records) {
            try {
                merged = XmlSchemaInference.merge(merged, inference.record(r));
            } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
                if (mode == ParseMode.FAILFAST) {
                    throw Unchecked.raise(new SparkException("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                            Map.of("badRecord", corrupt, "failFastMode", ParseMode.FAILFAST.name()), e));
                }
                anyCorrupt |= mode == ParseMode.PERMISSIVE;
            }
        }
        if (anyCorrupt) {
            merged = XmlSchemaInference.merge(merged, new StructType().add(corrupt, DataTypes.StringType));
        }
        return XmlSchemaInference.finish(merged);
    }

    /** {@code spark.read().xml(Dataset<String>)}: the strings parsed as {@link StringDatasetScan} does. */
    @Override
    public BatchScan scanStrings(List<String> records, StructType userSchema, Options options, Map<String, String> sessionConf) {
        return StringDatasetScan.xml(records, userSchema, options, sessionConf);
    }
}
