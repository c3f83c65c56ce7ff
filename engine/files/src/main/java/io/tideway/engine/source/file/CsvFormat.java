package io.tideway.engine.source.file;

import io.tideway.engine.format.CsvTokenizer;
import io.tideway.engine.format.CsvValueParser;
import io.tideway.engine.format.TimestampParser;
import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;

/**
 * The CSV reading options (Spark names and defaults) and the parsers they configure:
 * {@code header} (false), {@code sep}/{@code delimiter} (",", may be several characters),
 * {@code quote} ("\""), {@code escape} ("\\"), {@code comment} (none), {@code nullValue} (""),
 * {@code emptyValue} (""), {@code ignoreLeadingWhiteSpace}/{@code ignoreTrailingWhiteSpace}
 * (false), {@code dateFormat}/{@code timestampFormat} (Spark's default forms), plus {@code mode}
 * and {@code columnNameOfCorruptRecord}. Records are lines ({@code multiLine} is not supported);
 * blank lines and comment lines are skipped.
 *
 * <p>Threading: immutable.
 */
final class CsvFormat implements RecordFormat {
    private final StructType schema;
    private final boolean header;
    private final String sep;
    private final char quote;
    private final char escape;
    private final boolean trimLeading;
    private final boolean trimTrailing;
    private final String nullValue;
    private final String emptyValue;
    /** Lines starting with it are skipped; '\0' for none. */
    private final char comment;
    private final CsvValueParser values;
    private final MalformedRecordPolicy policy;

    CsvFormat(StructType schema, Options options, ZoneId zone) {
        for (var f : schema.fields()) {
            if (!CsvValueParser.supports(f.dataType())) {
                throw new IllegalArgumentException("CSV data source does not support " + f.dataType().simpleString()
                        + " data type.");
            }
        }
        this.schema = schema;
        this.header = FileSourceOptions.bool(options, "header");
        String sepText = options.get("sep").orElseGet(() -> options.getOrDefault("delimiter", ","));
        this.sep = CsvTokenizer.delimiter(sepText);
        this.quote = CsvTokenizer.singleChar(options.getOrDefault("quote", "\""), "quote");
        this.escape = CsvTokenizer.singleChar(options.getOrDefault("escape", "\\"), "escape");
        this.comment = CsvTokenizer.singleChar(options.getOrDefault("comment", ""), "comment");
        this.trimLeading = FileSourceOptions.bool(options, "ignoreLeadingWhiteSpace");
        this.trimTrailing = FileSourceOptions.bool(options, "ignoreTrailingWhiteSpace");
        this.nullValue = options.getOrDefault("nullValue", "");
        this.emptyValue = options.getOrDefault("emptyValue", "");
        this.values = new CsvValueParser(nullValue, new TimestampParser(zone, options.get("timestampFormat").orElse(null),
                options.get("dateFormat").orElse(null)));
        this.policy = MalformedRecordPolicy.of(schema, options);
    }

    @Override
    public RecordParser newParser() {
        return new CsvRecordParser(schema, newTokenizer(), values, policy);
    }

    /** A tokenizer with these options (one per reader: it keeps scratch state). */
    CsvTokenizer newTokenizer() {
        return new CsvTokenizer(sep, quote, escape, trimLeading, trimTrailing, nullValue, emptyValue);
    }

    String nullValue() {
        return nullValue;
    }

    /** The dates and timestamps of these options, as the reader converts them. */
    TimestampParser timestamps() {
        return values.timestamps();
    }

    @Override
    public int headerLines() {
        return header ? 1 : 0;
    }

    @Override
    public boolean skipLine(String line) {
        return line.isBlank() || (comment != '\0' && line.charAt(0) == comment);
    }
}
