package io.tideway.engine.sink.file;

import io.tideway.engine.spi.Options;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.io.IOException;
import java.io.Writer;

/**
 * CSV output with Spark's write defaults: no header ({@code header}), {@code sep} ",", null as
 * {@code nullValue} (""), the empty string as {@code ""}, string values trimmed of leading and
 * trailing white space ({@code ignoreLeadingWhiteSpace} and {@code ignoreTrailingWhiteSpace},
 * true when writing), and a value quoted only when it holds the separator, the quote, a line
 * break, or (kept) leading/trailing space ({@code quoteAll} quotes every value); quotes inside
 * are escaped with {@code escape} ("\\"), as {@code escapeQuotes} does. Arrays and structs are rejected, as in Spark. Immutable.
 */
final class CsvOutputFormat implements OutputFormat {
    private final StructType schema;
    private final ValueFormats formats;
    private final boolean header;
    private final boolean quoteAll;
    private final char sep;
    private final char quote;
    private final char escape;
    private final String nullValue;
    private final boolean trimLeading;
    private final boolean trimTrailing;

    CsvOutputFormat(StructType schema, Options options) {
        for (var f : schema.fields()) {
            DataType t = f.dataType();
            if (!(t == DataTypes.StringType || t == DataTypes.IntegerType || t == DataTypes.LongType
                    || t == DataTypes.DoubleType || t == DataTypes.BooleanType || t == DataTypes.TimestampType
                    || t == DataTypes.DateType || t == DataTypes.ByteType || t == DataTypes.ShortType
                    || t == DataTypes.FloatType || t instanceof io.tideway.sql.types.DecimalType)) {
                throw new IllegalArgumentException("CSV data source does not support " + t.simpleString() + " data type.");
            }
        }
        this.schema = schema;
        this.formats = new ValueFormats(options);
        this.header = JsonOutputFormat.booleanOption(options, "header", false);
        this.quoteAll = JsonOutputFormat.booleanOption(options, "quoteAll", false);
        this.sep = oneChar(options.get("sep").orElseGet(() -> options.getOrDefault("delimiter", ",")), "sep");
        this.quote = oneChar(options.getOrDefault("quote", "\""), "quote");
        this.escape = oneChar(options.getOrDefault("escape", "\\"), "escape");
        this.nullValue = options.getOrDefault("nullValue", "");
        this.trimLeading = JsonOutputFormat.booleanOption(options, "ignoreLeadingWhiteSpace", true);
        this.trimTrailing = JsonOutputFormat.booleanOption(options, "ignoreTrailingWhiteSpace", true);
    }

    /** Univocity's trimming: characters up to and including the space. */
    private String trimmed(String v) {
        int from = 0;
        int to = v.length();
        while (trimLeading && from < to && v.charAt(from) <= ' ') {
            from++;
        }
        while (trimTrailing && to > from && v.charAt(to - 1) <= ' ') {
            to--;
        }
        return v.substring(from, to);
    }

    private static char oneChar(String v, String option) {
        if ("\\t".equals(v)) {
            return '\t';
        }
        if (v.length() != 1) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + option
                    + "', must be a single character");
        }
        return v.charAt(0);
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public RowFormatter formatter(Writer out) throws IOException {
        if (header) {
            String[] names = schema.fieldNames();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                appendQuoted(sb, names[i]);
            }
            out.write(sb.append('\n').toString());
        }
        return new Formatter(out);
    }

    private void appendQuoted(StringBuilder sb, String v) {
        if (v.isEmpty()) {
            sb.append(quote).append(quote);
            return;
        }
        boolean needs = quoteAll || Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1));
        for (int i = 0; i < v.length() && !needs; i++) {
            char c = v.charAt(i);
            needs = c == sep || c == quote || c == '\n' || c == '\r';
        }
        if (!needs) {
            sb.append(v);
            return;
        }
        sb.append(quote);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == quote || c == escape) {
                sb.append(escape);
            }
            sb.append(c);
        }
        sb.append(quote);
    }

    /** Writes one file's rows; owned by one partition writer. */
    private final class Formatter implements RowFormatter {
        private final Writer out;
        private final StringBuilder line = new StringBuilder(128);
        private final DataType[] types = new DataType[schema.length()];

        Formatter(Writer out) {
            this.out = out;
            for (int i = 0; i < types.length; i++) {
                types[i] = schema.apply(i).dataType();
            }
        }

        @Override
        public void write(RowReader row) throws IOException {
            line.setLength(0);
            for (int i = 0; i < types.length; i++) {
                if (i > 0) {
                    line.append(sep);
                }
                if (row.isNullAt(i)) {
                    line.append(nullValue);
                    continue;
                }
                DataType t = types[i];
                if (t == DataTypes.StringType) {
                    appendQuoted(line, trimmed(row.getString(i)));
                } else if (t == DataTypes.IntegerType) {
                    line.append(row.getInt(i));
                } else if (t == DataTypes.LongType || t == DataTypes.ByteType || t == DataTypes.ShortType) {
                    line.append(row.getLong(i));
                } else if (t instanceof io.tideway.sql.types.DecimalType d) {
                    line.append(row.getDecimal(i, d.precision(), d.scale()).toPlainString());
                } else if (t == DataTypes.FloatType) {
                    float f = (float) row.getDouble(i);
                    line.append(Float.isNaN(f) ? "NaN" : f == Float.POSITIVE_INFINITY ? "Inf"
                            : f == Float.NEGATIVE_INFINITY ? "-Inf" : Float.toString(f));
                } else if (t == DataTypes.DoubleType) {
                    double d = row.getDouble(i);
                    line.append(Double.isNaN(d) ? "NaN" : d == Double.POSITIVE_INFINITY ? "Inf"
                            : d == Double.NEGATIVE_INFINITY ? "-Inf" : Double.toString(d));
                } else if (t == DataTypes.BooleanType) {
                    line.append(row.getBoolean(i));
                } else if (t == DataTypes.TimestampType) {
                    line.append(formats.timestamp(row.getLong(i)));
                } else {
                    line.append(ValueFormats.date(row.getInt(i)));
                }
            }
            out.write(line.append('\n').toString());
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
