package io.tideway.engine.query;

import io.tideway.SparkException;
import io.tideway.checkpoint.ConcurrentLogUpdateException;
import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * Turns the checkpoint module's {@link ConcurrentLogUpdateException} into what Spark 4.0.4 throws
 * at that write: {@code SparkException} {@code [CONCURRENT_STREAM_LOG_UPDATE]} (Spark's
 * {@code QueryExecutionErrors.concurrentStreamLogUpdate}), with the checkpoint's exception, which
 * names the file found, as its cause. The condition is not yet in Tideway's copy of Spark's
 * {@code error-conditions.json}: until it is, the exception carries Spark's exact message (the
 * template copied here) without a condition; once it is there it is raised with it, unchanged for
 * the user (as {@code ConfErrors} does for {@code INVALID_CONF_VALUE}). Stateless.
 */
final class LogUpdateErrors {
    static final String CONDITION = ConcurrentLogUpdateException.ERROR_CLASS;
    /** Spark 4.0.4's two template lines, joined by a newline as Spark joins them; SQLSTATE 40000. */
    private static final String TEXT = "[CONCURRENT_STREAM_LOG_UPDATE] Concurrent update to the log. Multiple streaming "
            + "jobs detected for <batchId>.\nPlease make sure only one streaming job runs on a specific checkpoint "
            + "location at a time. SQLSTATE: 40000";

    private LogUpdateErrors() {
    }

    /** Spark's exception for {@code t} if it is a log-update conflict, else {@code t} itself. */
    static Throwable asSpark(Throwable t) {
        if (!(t instanceof ConcurrentLogUpdateException c)) {
            return t;
        }
        Map<String, String> params = Map.of("batchId", Long.toString(c.batchId()));
        try {
            ErrorConditions.message(CONDITION, params);
            return new SparkException(CONDITION, params, c);
        } catch (Exception missing) { // raised unchecked by ErrorConditions while the condition is absent
            return new SparkException(TEXT.replace("<batchId>", Long.toString(c.batchId())), c);
        }
    }
}
