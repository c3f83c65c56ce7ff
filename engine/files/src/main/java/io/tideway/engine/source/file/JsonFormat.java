package io.tideway.engine.source.file;

import io.tideway.engine.format.TimestampParser;
import io.tideway.engine.format.JsonValueParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;

/**
 * JSON reading: a record per line (blank lines skipped), or with {@code multiLine} one per file;
 * fields matched to the schema by name ({@link JsonRecordParser}), plus {@code mode},
 * {@code columnNameOfCorruptRecord}, {@code timestampFormat}/{@code dateFormat} and Jackson's
 * leniencies under Spark's names and defaults ({@code allowSingleQuotes} true,
 * {@code allowNonNumericNumbers} true, {@code allowComments} and the others false).
 *
 * <p>Threading: immutable.
 */
final class JsonFormat implements RecordFormat {
    private final StructType schema;
    private final MalformedRecordPolicy policy;
    private final JsonValueParser values;
    private final ObjectMapper mapper;
    /** {@code multiLine}: the whole file is one record. */
    private final boolean multiLine;

    JsonFormat(StructType schema, Options options, ZoneId zone) {
        this.schema = schema;
        this.multiLine = multiLine(options);
        this.mapper = mapper(options);
        this.policy = MalformedRecordPolicy.of(schema, options);
        this.values = new JsonValueParser(new TimestampParser(zone, options.get("timestampFormat").orElse(null),
                options.get("dateFormat").orElse(null)));
    }

    /** Jackson configured with the reading options, shared with schema inference ({@link JsonSchemaInference}). */
    static ObjectMapper mapper(Options options) {
        return io.tideway.engine.format.JsonOptions.mapper(options.asMap());
    }

    @Override
    public RecordParser newParser() {
        return new JsonRecordParser(mapper, schema, values, policy);
    }

    private static boolean bool(Options options, String name, boolean dflt) {
        return options.contains(name) ? FileSourceOptions.bool(options, name) : dflt;
    }

    /** The {@code multiLine} option, shared with schema inference. */
    static boolean multiLine(Options options) {
        return bool(options, "multiLine", false);
    }

    @Override
    public boolean wholeFile() {
        return multiLine;
    }

    @Override
    public boolean skipLine(String line) {
        return line.isBlank();
    }
}
