package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import io.tideway.engine.format.CsvTokenizer;
import io.tideway.engine.format.JsonOptions;
import io.tideway.engine.format.JsonValueWriter;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.time.ZoneId;
import java.util.Map;

/**
 * One {@code to_csv} call site, as Spark's {@code StructsToCsv} with its Univocity writer: fields
 * joined by {@code sep}, a null as {@code nullValue} (default empty), an empty string as
 * {@code ""}, strings trimmed ({@code ignoreLeadingWhiteSpace}/{@code ignoreTrailingWhiteSpace},
 * true when writing) and quoted when they hold the separator, the quote or a line break, quotes
 * escaped with {@code escape}; timestamps and dates as the JSON writer formats them
 * ({@code timestampFormat}, {@code dateFormat}); other values as their string cast. A struct of one
 * null field gives null, as Univocity's empty row. A generated-code constant; one per call site,
 * used by one thread.
 */
public final class ToCsv {
    private final StructType type;
    private final RowReader row;
    private final JsonValueWriter formats;
    private final SessionZone zone;
    private final String sep;
    private final char quote;
    private final char escape;
    private final String nullValue;
    private final boolean trimLeading;
    private final boolean trimTrailing;

    ToCsv(StructType type, ZoneId sessionZone, Map<String, String> options) {
        this.type = type;
        this.row = new RowReader(type.length());
        String tz = options.get("timeZone");
        ZoneId zoneId = tz == null ? sessionZone : ZoneId.of(tz);
        this.formats = new JsonValueWriter(zoneId, options);
        this.zone = SessionZone.of(zoneId);
        this.sep = CsvTokenizer.delimiter(options.containsKey("sep") ? options.get("sep") : options.getOrDefault("delimiter", ","));
        this.quote = CsvTokenizer.singleChar(options.getOrDefault("quote", "\""), "quote");
        this.escape = CsvTokenizer.singleChar(options.getOrDefault("escape", "\\"), "escape");
        this.nullValue = options.getOrDefault("nullValue", "");
        this.trimLeading = JsonOptions.bool(options, "ignoreLeadingWhiteSpace", true);
        this.trimTrailing = JsonOptions.bool(options, "ignoreTrailingWhiteSpace", true);
    }

    /** Writes the CSV line of the struct at {@code (b, off, len)} into {@code out}; its length, or -1 for null. */
    public int write(DirectBuffer b, int off, int len, BytesOut out) {
        row.wrap(b, off, len);
        if (type.length() == 1 && row.isNullAt(0)) {
            return -1;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < type.length(); i++) {
            if (i > 0) {
                line.append(sep);
            }
            line.append(row.isNullAt(i) ? nullValue : field(i, type.apply(i).dataType()));
        }
        out.reset().append(line.toString());
        return out.length();
    }

    private String field(int i, DataType t) {
        if (t == DataTypes.StringType) {
            return quoted(trim(row.getString(i)));
        }
        if (t == DataTypes.TimestampType) {
            return formats.timestamp(row.getLong(i));
        }
        if (t == DataTypes.DateType) {
            return formats.date(row.getInt(i));
        }
        if (t == DataTypes.IntegerType) {
            return Integer.toString(row.getInt(i));
        }
        if (t == DataTypes.LongType || t == DataTypes.ShortType || t == DataTypes.ByteType) {
            return Long.toString(row.getLong(i));
        }
        if (t == DataTypes.DoubleType) {
            return Double.toString(row.getDouble(i));
        }
        if (t == DataTypes.FloatType) {
            return Float.toString((float) row.getDouble(i));
        }
        if (t == DataTypes.BooleanType) {
            return Boolean.toString(row.getBoolean(i));
        }
        if (t instanceof DecimalType d) {
            return row.getDecimal(i, d.precision(), d.scale()).toPlainString();
        }
        return CollectionText.text(row.buffer(), row.varOffset(i), row.varLength(i), t, zone);
    }

    private String trim(String s) {
        int from = 0;
        int to = s.length();
        while (trimLeading && from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (trimTrailing && to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private String quoted(String s) {
        if (s.isEmpty()) {
            return "" + quote + quote;
        }
        boolean needs = s.contains(sep) || s.indexOf(quote) >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        if (!needs) {
            return s;
        }
        StringBuilder q = new StringBuilder().append(quote);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == quote) {
                q.append(escape);
            }
            q.append(c);
        }
        return q.append(quote).toString();
    }
}
