package io.tideway.engine.source.file;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.spi.Options;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Applies the parse {@code mode} and {@code columnNameOfCorruptRecord} to a malformed record.
 * In PERMISSIVE mode the fields that failed are already null and the well-formed ones kept (Spark
 * 3/4 "sets malformed fields to null"); the raw record goes to the corrupt-record column when
 * the schema has one.
 *
 * <p>Threading: immutable.
 */
final class MalformedRecordPolicy {
    static final String CORRUPT_COLUMN_OPTION = "columnNameOfCorruptRecord";
    static final String DEFAULT_CORRUPT_COLUMN = "_corrupt_record";

    private final ParseMode mode;
    private final int corruptColumn;

    private MalformedRecordPolicy(ParseMode mode, int corruptColumn) {
        this.mode = mode;
        this.corruptColumn = corruptColumn;
    }

    /** Validates {@code mode} and the corrupt-record column (must be a nullable string if present). */
    static MalformedRecordPolicy of(StructType schema, Options options) {
        ParseMode mode = ParseMode.fromOptions(options);
        String name = options.getOrDefault(CORRUPT_COLUMN_OPTION, DEFAULT_CORRUPT_COLUMN);
        int index = -1;
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                index = i;
            }
        }
        if (index >= 0 && (schema.apply(index).dataType() != DataTypes.StringType || !schema.apply(index).nullable())) {
            throw Unchecked.raise(new AnalysisException("INVALID_CORRUPT_RECORD_TYPE", Map.of(
                    "columnName", ErrorParams.id(name), "actualType", ErrorParams.type(schema.apply(index).dataType()))));
        }
        return new MalformedRecordPolicy(mode, index);
    }

    /** Index of the corrupt-record column, or -1. */
    int corruptColumn() {
        return corruptColumn;
    }

    ParseMode mode() {
        return mode;
    }

    /** Marks a well-formed row: its corrupt-record column is null. */
    void wellFormed(RowWriter row) {
        if (corruptColumn >= 0) {
            row.setNull(corruptColumn);
        }
    }

    /**
     * Decides the fate of a malformed record whose bad fields {@code row} already holds as null;
     * the corrupt-record column must not have been written yet. {@code partialResult} holds the
     * same values as Java objects, for the FAILFAST error; {@code cause} makes the parser's error,
     * only in FAILFAST mode (malformed records are otherwise cheap).
     *
     * @return true to emit the row, false to drop it
     * @throws BadRecordException in FAILFAST mode
     */
    boolean malformed(String record, Object[] partialResult, Supplier<Throwable> cause, RowWriter row) {
        switch (mode) {
            case DROPMALFORMED:
                return false;
            case FAILFAST:
                if (corruptColumn >= 0) {
                    partialResult[corruptColumn] = record;
                }
                throw new BadRecordException(partialResult, cause.get());
            default:
                if (corruptColumn >= 0) {
                    row.putString(corruptColumn, record);
                }
                return true;
        }
    }
}
