package io.tideway.engine.source.file;

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
        this.sep = delimiter(sepText);
        this.quote = singleChar(options.getOrDefault("quote", "\""), "quote");
        this.escape = singleChar(options.getOrDefault("escape", "\\"), "escape");
        this.comment = singleChar(options.getOrDefault("comment", ""), "comment");
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

    /**
     * Spark's {@code CSVExprUtils.toDelimiterStr}: the text, several characters allowed, with the
     * escapes {@code \t}, {@code \r}, {@code \b}, {@code \f}, {@code \"}, {@code \'},
     * {@code \\} and {@code \u0001} read as the character they name.
     */
    static String delimiter(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("Delimiter cannot be empty string");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\' || i + 1 >= v.length()) {
                out.append(c);
                continue;
            }
            char next = v.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '"', '\'', '\\' -> out.append(next);
                case 'u' -> {
                    if (i + 4 < v.length()) {
                        out.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        throw new IllegalArgumentException("Unsupported special character for delimiter: \\u");
                    }
                }
                default -> throw new IllegalArgumentException("Unsupported special character for delimiter: \\" + next);
            }
        }
        return out.toString();
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
