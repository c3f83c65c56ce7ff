package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;

/**
 * JSON Lines reading: one object per line, fields matched to the schema by name, plus
 * {@code mode} and {@code columnNameOfCorruptRecord}. Blank lines are skipped ({@code multiLine}
 * is not supported).
 *
 * <p>Threading: immutable.
 */
final class JsonFormat implements RecordFormat {
    private final StructType schema;
    private final MalformedRecordPolicy policy;
    private final JsonValueParser values;

    JsonFormat(StructType schema, Options options, ZoneId zone) {
        this.schema = schema;
        this.policy = MalformedRecordPolicy.of(schema, options);
        this.values = new JsonValueParser(new TimestampParser(zone, options.get("timestampFormat").orElse(null),
                options.get("dateFormat").orElse(null)));
    }

    @Override
    public RecordParser newParser() {
        return new JsonRecordParser(schema, values, policy);
    }

    @Override
    public boolean skipLine(String line) {
        return line.isBlank();
    }
}
