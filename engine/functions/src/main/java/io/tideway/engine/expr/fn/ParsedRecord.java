package io.tideway.engine.expr.fn;

import io.tideway.SparkException;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CollectionOut;
import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.StructType;

import java.util.Map;

/**
 * The end of {@code from_json}, {@code from_csv} and {@code from_xml} for one record, as Spark's
 * {@code FailureSafeParser}: a malformed record fails in {@code FAILFAST} mode with the fields
 * read so far, else keeps them with the text in the corrupt-record column; then the fields become
 * the result struct. Stateless.
 */
final class ParsedRecord {
    private ParsedRecord() {
    }

    /**
     * Writes {@code fields} as a struct of {@code schema} into {@code out}; returns its length.
     *
     * @param corruptField the corrupt-record column's index, or -1
     */
    static int finish(Object[] fields, boolean malformed, String mode, int corruptField, String text, StructType schema,
                      CollectionOut out) {
        if (malformed && mode.equals("FAILFAST")) {
            StringBuilder shown = new StringBuilder("[");
            for (int i = 0; i < fields.length; i++) {
                shown.append(i == 0 ? "" : ",").append(fields[i]);
            }
            throw Unchecked.raise(new SparkException("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", Map.of(
                    "badRecord", shown.append(']').toString(), "failFastMode", "FAILFAST"), null));
        }
        if (malformed && corruptField >= 0) {
            fields[corruptField] = text;
        }
        RowWriter w = out.struct(fields.length);
        for (int i = 0; i < fields.length; i++) {
            RowConverter.writeValue(fields[i], schema.apply(i).dataType(), w, i);
        }
        return w.finish();
    }
}
