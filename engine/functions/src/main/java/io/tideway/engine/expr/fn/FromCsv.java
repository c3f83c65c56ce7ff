package io.tideway.engine.expr.fn;

import io.tideway.SparkUnsupportedOperationException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.format.CsvTokenizer;
import io.tideway.engine.format.CsvValueParser;
import io.tideway.engine.format.TimestampParser;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code from_csv} call site, as Spark's {@code CsvToStructs}: the line is split by the CSV
 * source's {@link CsvTokenizer} and each token converted by its {@link CsvValueParser}. A token
 * that does not convert is null (Spark's partial results) and, like a token count other than the
 * schema's, makes the record malformed: its text goes to the {@code columnNameOfCorruptRecord}
 * field if the schema has one, or with {@code mode=FAILFAST} the query fails. A generated-code
 * constant; one per call site, used by one thread (the tokenizer keeps scratch state).
 */
public final class FromCsv {
    private final StructType schema;
    private final CsvTokenizer tokenizer;
    private final CsvValueParser values;
    private final String mode;
    private final int corruptField;

    FromCsv(StructType schema, ZoneId sessionZone, Map<String, String> options) {
        this.schema = schema;
        this.tokenizer = CsvTokenizer.of(options);
        String tz = options.get("timeZone");
        this.values = new CsvValueParser(options.getOrDefault("nullValue", ""), new TimestampParser(
                tz == null ? sessionZone : ZoneId.of(tz), options.get("timestampFormat"), options.get("dateFormat")));
        this.mode = options.getOrDefault("mode", "PERMISSIVE").toUpperCase(Locale.ROOT);
        String corrupt = options.getOrDefault("columnNameOfCorruptRecord", "_corrupt_record");
        int c = -1;
        for (int i = 0; i < schema.length(); i++) {
            if (schema.apply(i).name().equals(corrupt) && schema.apply(i).dataType() == DataTypes.StringType) {
                c = i;
            }
        }
        this.corruptField = c;
    }

    /** Writes the struct read from the CSV line at {@code (b, off, len)} into {@code out}; its length. */
    public int read(DirectBuffer b, int off, int len, CollectionOut out) {
        if (!mode.equals("PERMISSIVE") && !mode.equals("FAILFAST")) {
            throw Unchecked.raise(new AnalysisException("PARSE_MODE_UNSUPPORTED",
                    Map.of("funcName", ErrorParams.id("from_csv"), "mode", mode)));
        }
        for (int i = 0; i < schema.length(); i++) {
            if (!CsvValueParser.supports(schema.apply(i).dataType())) {
                throw new SparkUnsupportedOperationException("UNSUPPORTED_DATATYPE",
                        Map.of("typeName", ErrorParams.type(schema.apply(i).dataType())));
            }
        }
        String text = b.getStringWithoutLengthUtf8(off, len);
        String[] tokens = tokenizer.tokenize(text);
        Object[] fields = new Object[schema.length()];
        int expected = schema.length() - (corruptField >= 0 ? 1 : 0);
        boolean malformed = tokens.length != expected;
        int t = 0;
        for (int i = 0; i < fields.length; i++) {
            if (i == corruptField) {
                continue;
            }
            String token = t < tokens.length ? tokens[t] : null;
            t++;
            try {
                fields[i] = values.parse(token, schema.apply(i).dataType());
            } catch (RuntimeException e) {
                malformed = true;
            }
        }
        return ParsedRecord.finish(fields, malformed, mode, corruptField, text, schema, out);
    }
}
