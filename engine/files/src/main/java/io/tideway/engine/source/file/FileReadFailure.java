package io.tideway.engine.source.file;

import io.tideway.SparkException;
import io.tideway.engine.error.Unchecked;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * The error a file read fails with, as Spark 4.0 raises it from its file scan:
 * {@code [FAILED_READ_FILE.NO_HINT]} naming the file, caused by
 * {@code [MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION]} showing the record's partial row,
 * caused by the parser's own error. A program that walks the causes sees Spark's chain. Stateless.
 */
final class FileReadFailure {
    private FileReadFailure() {
    }

    /** The exception to throw for a malformed record of file {@code uri} in FAILFAST mode. */
    static RuntimeException malformedRecord(String uri, BadRecordException e) {
        SparkException malformed = new SparkException("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
                Map.of("badRecord", rowText(e.partialResult()), "failFastMode", ParseMode.FAILFAST.name()), e.getCause());
        return Unchecked.raise(new SparkException("FAILED_READ_FILE.NO_HINT", Map.of("path", uri), malformed));
    }

    /**
     * A file listed for the batch was deleted before it was read: Spark's
     * {@code FAILED_READ_FILE.FILE_NOT_EXIST}, caused by the file system's error with the option
     * that skips such files.
     */
    static RuntimeException missingFile(String uri, java.io.IOException e) {
        java.io.IOException cause = new java.io.IOException(e.getMessage() + " (the option "
                + FileReadPolicy.IGNORE_MISSING_FILES + ", or spark.sql.files.ignoreMissingFiles, skips such files)", e);
        return Unchecked.raise(new SparkException("FAILED_READ_FILE.FILE_NOT_EXIST", Map.of("path", uri), cause));
    }

    /**
     * A file failed to read part way: Spark's {@code FAILED_READ_FILE.NO_HINT}, caused by the
     * file system's error with the option that skips the rest of such files.
     */
    static RuntimeException unreadableFile(String uri, java.io.IOException e) {
        java.io.IOException cause = new java.io.IOException(e + " (the option " + FileReadPolicy.IGNORE_CORRUPT_FILES
                + ", or spark.sql.files.ignoreCorruptFiles, skips the rest of such files)", e);
        return Unchecked.raise(new SparkException("FAILED_READ_FILE.NO_HINT", Map.of("path", uri), cause));
    }

    /**
     * A row as Spark's {@code InternalRow.toString} prints it: {@code [v1,v2]}, timestamps as
     * microseconds and dates as days since the epoch (their internal values), null as {@code null}.
     */
    static String rowText(Object[] values) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (Object v : values) {
            j.add(internalText(v));
        }
        return j.toString();
    }

    private static String internalText(Object v) {
        if (v instanceof Timestamp t) {
            return Long.toString(TimeUnit.SECONDS.toMicros(Math.floorDiv(t.getTime(), 1000)) + t.getNanos() / 1000);
        } else if (v instanceof Instant i) {
            return Long.toString(TimeUnit.SECONDS.toMicros(i.getEpochSecond()) + i.getNano() / 1000);
        } else if (v instanceof Date d) {
            return Long.toString(d.toLocalDate().toEpochDay());
        } else if (v instanceof LocalDate d) {
            return Long.toString(d.toEpochDay());
        }
        return String.valueOf(v);
    }
}
