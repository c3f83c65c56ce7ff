package io.tideway.engine.source.file;

import io.tideway.engine.spi.BatchScan;
import io.tideway.engine.spi.InputPartition;
import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.PartitionReader;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code spark.read().json(Dataset<String>)} and {@code csv(Dataset<String>)}: the strings of a
 * Dataset, each one record, parsed by the file source's own parsers with the same options, parse
 * modes and corrupt-record column, the schema the user's or inferred from the strings as the file
 * source infers it (an empty Dataset infers no columns, where a path without files is an error).
 * As Spark's {@code CSVUtils.filterHeaderLine}, with {@code header} the first string is the header
 * and every string equal to it is dropped. The strings are taken when the DataFrame is made, as
 * Spark's inference reads them then. Immutable; one partition.
 */
public final class StringDatasetScan implements BatchScan {
    private final StructType schema;
    /** A reader of the strings, made afresh for every read. */
    private final Supplier<FileRowReader> reader;

    private StringDatasetScan(StructType schema, Supplier<FileRowReader> reader) {
        this.schema = schema;
        this.reader = reader;
    }

    private static StringDatasetScan of(StructType schema, RecordFormat format, List<String> records) {
        List<String> copy = List.copyOf(records);
        return new StringDatasetScan(schema, () -> new RecordListReader(copy, format));
    }

    /** JSON records, a record per string ({@code multiLine} does not apply). */
    public static StringDatasetScan json(List<String> records, StructType userSchema, Options options, Map<String, String> conf) {
        ZoneId zone = FileSourceProvider.zone(options, conf);
        StructType schema = userSchema != null ? userSchema
                : JsonSchemaInference.infer(InferenceInput.records(records), options, true);
        schema = FileSourceProvider.asNullable(schema);
        return of(schema, new JsonFormat(schema, options, zone), records);
    }

    /**
     * XML records, a record per string whatever its root element (as Spark's {@code xml(Dataset)},
     * which does not look for {@code rowTag} in the strings, though it requires the option).
     */
    public static StringDatasetScan xml(List<String> records, StructType userSchema, Options options, Map<String, String> conf) {
        ZoneId zone = FileSourceProvider.zone(options, conf);
        XmlFormat.rowTag(options);
        StructType schema = userSchema != null ? userSchema : XmlSourceProvider.infer(records, options);
        schema = FileSourceProvider.asNullable(schema);
        XmlFormat format = new XmlFormat(schema, options, zone);
        List<String> copy = List.copyOf(records);
        return new StringDatasetScan(schema, () -> format.reader(copy));
    }

    /** CSV lines, a line per string. */
    public static StringDatasetScan csv(List<String> records, StructType userSchema, Options options, Map<String, String> conf) {
        ZoneId zone = FileSourceProvider.zone(options, conf);
        CsvFormat probe = new CsvFormat(new StructType(), options, zone);
        List<String> lines = records;
        if (probe.headerLines() > 0 && !records.isEmpty()) {
            String header = records.get(0);
            lines = new ArrayList<>();
            lines.add(header);
            for (String r : records.subList(1, records.size())) {
                if (!r.equals(header)) {
                    lines.add(r);
                }
            }
        }
        StructType schema = userSchema != null ? userSchema
                : CsvSchemaInference.infer(InferenceInput.records(lines), options, probe);
        schema = FileSourceProvider.asNullable(schema);
        return of(schema, new CsvFormat(schema, options, zone), lines);
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public List<InputPartition> planPartitions() {
        return List.of(() -> 0);
    }

    @Override
    public PartitionReader createReader(InputPartition partition) {
        return new RowReaderPartition(reader.get(), schema.length());
    }
}
