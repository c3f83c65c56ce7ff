package io.tideway.engine.source.file;

import io.tideway.engine.spi.Options;
import io.tideway.sql.types.StructType;

import java.time.ZoneId;

/**
 * The CSV reading options (Spark names and defaults) and the parsers they configure:
 * {@code header} (false), {@code sep}/{@code delimiter} (","), {@code quote} ("\""), {@code escape}
 * ("\\"), {@code nullValue} (""), plus {@code mode} and {@code columnNameOfCorruptRecord}.
 * Records are lines ({@code multiLine} is not supported); blank lines are skipped.
 *
 * <p>Threading: immutable.
 */
final class CsvFormat implements RecordFormat {
    private final StructType schema;
    private final boolean header;
    private final char sep;
    private final char quote;
    private final char escape;
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
        this.sep = delimiter(sepText);
        this.quote = singleChar(options.getOrDefault("quote", "\""), "quote");
        this.escape = singleChar(options.getOrDefault("escape", "\\"), "escape");
        this.values = new CsvValueParser(options.getOrDefault("nullValue", ""), new TimestampParser(zone));
        this.policy = MalformedRecordPolicy.of(schema, options);
    }

    @Override
    public RecordParser newParser() {
        return new CsvRecordParser(schema, new CsvTokenizer(sep, quote, escape), values, policy);
    }

    @Override
    public int headerLines() {
        return header ? 1 : 0;
    }

    @Override
    public boolean skipLine(String line) {
        return line.isBlank();
    }

    /** Spark's {@code CSVExprUtils.toChar}: one character, or {@code \t}, {@code \u0001}-style escapes. */
    static char delimiter(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("Delimiter cannot be empty string (option 'sep')");
        }
        if (v.length() == 1) {
            return v.charAt(0);
        }
        switch (v) {
            case "\\t": return '\t';
            case "\\r": return '\r';
            case "\\b": return '\b';
            case "\\f": return '\f';
            case "\\\"": return '"';
            case "\\'": return '\'';
            case "\\\\": return '\\';
            default:
                if (v.startsWith("\\u") && v.length() == 6) {
                    try {
                        return (char) Integer.parseInt(v.substring(2), 16);
                    } catch (NumberFormatException ignored) {
                        // falls through
                    }
                }
                throw new IllegalArgumentException("Invalid value '" + v + "' for option 'sep': Delimiter cannot be"
                        + " more than one character: " + v);
        }
    }

    private static char singleChar(String v, String option) {
        if (v.isEmpty()) {
            return '\0'; // Spark: an empty quote or escape turns the feature off
        }
        if (v.length() != 1) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + option + "': "
                    + option + " cannot be more than one character");
        }
        return v.charAt(0);
    }
}
