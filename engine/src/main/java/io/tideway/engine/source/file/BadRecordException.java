package io.tideway.engine.source.file;

/**
 * Raised by a {@link RecordParser} in FAILFAST mode; the reader adds the file and line and
 * rethrows it as {@link MalformedRecordException}. Carries no stack trace: it is a status that
 * crosses one frame.
 */
final class BadRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRecordException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
