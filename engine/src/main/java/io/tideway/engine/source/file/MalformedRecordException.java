package io.tideway.engine.source.file;

/**
 * A malformed CSV or JSON record met in {@code FAILFAST} mode. The message follows Spark's
 * wording and names the record and the file, because a user fixes the file, not the query.
 *
 * <p>Threading: immutable.
 */
public final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;

    public MalformedRecordException(String file, long line, String record, Throwable cause) {
        super("Malformed records are detected in record parsing. Parse Mode: FAILFAST. To process malformed"
                + " records as null result, try setting the option 'mode' as 'PERMISSIVE'. Bad record: '"
                + abbreviate(record) + "' at line " + line + " of file " + file
                + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""), cause);
        this.file = file;
        this.line = line;
    }

    /** The file URI holding the bad record. */
    public String file() {
        return file;
    }

    /** 1-based line number of the bad record. */
    public long line() {
        return line;
    }

    private static String abbreviate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000) + "...";
    }
}
