package io.tideway.engine.source.file;

/**
 * Raised by a {@link RecordParser} in FAILFAST mode, as Spark's {@code BadRecordException}: the
 * values the record did yield (null where a field failed, the record in the corrupt-record column)
 * and the parser's error. The reader turns it into {@link FileReadFailure}'s chain. Carries no
 * stack trace: it is a status that crosses one frame.
 */
final class BadRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Object[] partialResult;

    /** {@code partialResult} has one value per schema field; {@code cause} may be null. */
    BadRecordException(Object[] partialResult, Throwable cause) {
        super(cause == null ? null : cause.getMessage(), cause, false, false);
        this.partialResult = partialResult;
    }

    Object[] partialResult() {
        return partialResult;
    }
}
