package io.tideway.checkpoint;

/**
 * {@code spark.sql.streaming.minBatchesToRetain}: how many batches of the offsets and commits
 * logs (and of the file logs) stay recoverable. Spark refuses anything below 1 when the query
 * is created ({@code StreamExecution}: {@code requirement failed: minBatchesToRetain has to be
 * positive}); a value of 0 or less would purge the batch just committed, and a restart would
 * then take the query for a new one.
 *
 * <p>Threading: stateless.
 */
public final class Retention {
    public static final String CONF = FileLogSettings.MIN_BATCHES_TO_RETAIN;

    private Retention() {
    }

    /** Returns {@code minBatchesToRetain}, or fails naming the setting if it is below 1. */
    public static int requirePositive(long minBatchesToRetain) {
        if (minBatchesToRetain < 1 || minBatchesToRetain > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("requirement failed: minBatchesToRetain has to be positive ("
                    + CONF + " is " + minBatchesToRetain + ")");
        }
        return (int) minBatchesToRetain;
    }

    /**
     * Parses and validates the setting's text (what a query calls at {@code start()}).
     *
     * @throws IllegalArgumentException naming {@value #CONF} if it is not a positive int
     */
    public static int parse(String value) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CONF + " should be int, but was " + value, e);
        }
        return requirePositive(n);
    }

    /**
     * The lowest batch id to keep after batch {@code currentBatchId} committed: ids below it may be
     * purged. Never above {@code currentBatchId}, so the newest batch always stays.
     */
    public static long purgeThreshold(long currentBatchId, int minBatchesToRetain) {
        requirePositive(minBatchesToRetain);
        return Math.max(0, currentBatchId + 1 - minBatchesToRetain);
    }
}
