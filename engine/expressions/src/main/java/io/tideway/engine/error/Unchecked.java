package io.tideway.engine.error;

/**
 * Throws a checked exception without declaring it, as Spark's Scala code throws its checked
 * {@code AnalysisException} and {@code SparkException} from methods whose Java signatures do not
 * mention them. The one place Tideway does so: call sites write
 * {@code throw Unchecked.raise(new AnalysisException(...))} so javac sees a throw statement.
 * Stateless.
 */
public final class Unchecked {
    private Unchecked() {
    }

    /** Throws {@code t} as is; declared to return so the caller can write {@code throw}. */
    public static RuntimeException raise(Throwable t) {
        throw Unchecked.<RuntimeException>asUnchecked(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T asUnchecked(Throwable t) throws T {
        throw (T) t;
    }
}
