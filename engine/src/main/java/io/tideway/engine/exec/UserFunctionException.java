package io.tideway.engine.exec;

/** A checked exception thrown by user code (a map function, a writer), carried as the cause. */
public final class UserFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFunctionException(Throwable cause) {
        super(cause.toString(), cause);
    }
}
