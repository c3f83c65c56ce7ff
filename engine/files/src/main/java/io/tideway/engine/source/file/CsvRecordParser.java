package io.tideway.engine.source.file;

import io.tideway.engine.format.CsvTokenizer;
import io.tideway.engine.format.CsvValueParser;
import io.tideway.SparkRuntimeException;
import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.Map;

/**
 * One CSV line to one row. Tokens map in order to the schema's fields other than the
 * corrupt-record column. A token count that differs from that, an unterminated quote or a token
 * that does not convert makes the record malformed; in PERMISSIVE mode the tokens that did
 * convert are kept (missing ones null, extra ones dropped), as Spark 3/4 does.
 *
 * <p>Threading: one per reader.
 */
final class CsvRecordParser implements RecordParser {
    private final CsvTokenizer tokenizer;
    private final CsvValueParser valueParser;
    private final MalformedRecordPolicy policy;
    /** Field index of each token position. */
    private final int[] dataFields;
    private final DataType[] types;
    /** This record's values, reused: the partial result a FAILFAST error shows. */
    private final Object[] values;

    CsvRecordParser(StructType schema, CsvTokenizer tokenizer, CsvValueParser valueParser, MalformedRecordPolicy policy) {
        this.tokenizer = tokenizer;
        this.valueParser = valueParser;
        this.policy = policy;
        int corrupt = policy.corruptColumn();
        this.dataFields = new int[schema.length() - (corrupt >= 0 ? 1 : 0)];
        this.types = new DataType[schema.length()];
        this.values = new Object[schema.length()];
        for (int i = 0, j = 0; i < schema.length(); i++) {
            types[i] = schema.apply(i).dataType();
            if (i != corrupt) {
                dataFields[j++] = i;
            }
        }
    }

    @Override
    public boolean parse(String record, RowWriter row) {
        Arrays.fill(values, null);
        String[] tokens = tokenizer.tokenize(record);
        if (tokens == null) {
            for (int field : dataFields) {
                row.setNull(field);
            }
            return policy.malformed(record, values, () -> malformedCsvRecord(record), row);
        }
        boolean countMismatch = tokens.length != dataFields.length;
        Throwable cause = null;
        for (int j = 0; j < dataFields.length; j++) {
            int field = dataFields[j];
            try {
                values[field] = j < tokens.length ? valueParser.parse(tokens[j], types[field]) : null;
            } catch (RuntimeException e) {
                values[field] = null;
                if (cause == null) {
                    cause = e;
                }
            }
            RowConverter.writeValue(values[field], types[field], row, field);
        }
        if (countMismatch) {
            // Spark's partial result pads or cuts the tokens; a token that then fails voids it
            return policy.malformed(record, cause == null ? values : new Object[values.length], () -> malformedCsvRecord(record), row);
        }
        if (cause != null) {
            Throwable parseError = cause;
            return policy.malformed(record, values, () -> parseError, row);
        }
        policy.wellFormed(row);
        return true;
    }

    private static RuntimeException malformedCsvRecord(String record) {
        return new SparkRuntimeException("MALFORMED_CSV_RECORD", Map.of("badRecord", record));
    }
}
