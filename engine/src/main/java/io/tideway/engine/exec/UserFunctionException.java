package io.tideway.engine.exec;

import io.tideway.SparkThrowable;
import io.tideway.engine.error.Unchecked;

/** A checked exception thrown by user code (a map function, a writer), carried as the cause. */
public final class UserFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFunctionException(Throwable cause) {
        super(cause.toString(), cause);
    }

    /** A call into user code that may throw a checked exception. */
    @FunctionalInterface
    public interface UserCall<R> {
        R call() throws Exception;
    }

    /**
     * Runs user code; checked exceptions are rethrown unchecked with the original as cause, except
     * Spark's own errors ({@link SparkThrowable}, such as an {@code AnalysisException}), which pass
     * through as they are, as Spark passes them.
     */
    public static <R> R call(UserCall<R> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw e instanceof SparkThrowable ? Unchecked.raise(e) : new UserFunctionException(e);
        }
    }
}
