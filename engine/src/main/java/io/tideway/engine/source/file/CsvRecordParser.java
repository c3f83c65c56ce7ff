package io.tideway.engine.source.file;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;

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
    private final CsvValueParser values;
    private final MalformedRecordPolicy policy;
    /** Field index of each token position. */
    private final int[] dataFields;
    private final DataType[] types;

    CsvRecordParser(StructType schema, CsvTokenizer tokenizer, CsvValueParser values, MalformedRecordPolicy policy) {
        this.tokenizer = tokenizer;
        this.values = values;
        this.policy = policy;
        int corrupt = policy.corruptColumn();
        this.dataFields = new int[schema.length() - (corrupt >= 0 ? 1 : 0)];
        this.types = new DataType[schema.length()];
        for (int i = 0, j = 0; i < schema.length(); i++) {
            types[i] = schema.apply(i).dataType();
            if (i != corrupt) {
                dataFields[j++] = i;
            }
        }
    }

    @Override
    public boolean parse(String record, RowWriter row) {
        String[] tokens = tokenizer.tokenize(record);
        if (tokens == null) {
            for (int field : dataFields) {
                row.setNull(field);
            }
            return policy.malformed(record, "Unterminated quoted field", null, row);
        }
        String reason = tokens.length == dataFields.length ? null
                : "Expected " + dataFields.length + " tokens but found " + tokens.length;
        Throwable cause = null;
        for (int j = 0; j < dataFields.length; j++) {
            int field = dataFields[j];
            Object value;
            try {
                value = j < tokens.length ? values.parse(tokens[j], types[field]) : null;
            } catch (RuntimeException e) {
                value = null;
                if (reason == null) {
                    reason = "Cannot parse '" + tokens[j] + "' as " + types[field].simpleString();
                    cause = e;
                }
            }
            RowConverter.writeValue(value, types[field], row, field);
        }
        if (reason != null) {
            return policy.malformed(record, reason, cause, row);
        }
        policy.wellFormed(row);
        return true;
    }
}
