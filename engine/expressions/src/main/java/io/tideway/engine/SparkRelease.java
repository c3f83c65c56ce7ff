package io.tideway.engine;

/**
 * The Apache Spark release whose Java API and behaviour Tideway follows, defined once for
 * {@code TidewaySession.version()} and the SQL function {@code version()}.
 */
public final class SparkRelease {
    /** What Spark's {@code SparkSession.version()} returns. */
    public static final String VERSION = "4.0.4";
    /** That release's git revision, which Spark's SQL {@code version()} prints after the version. */
    public static final String REVISION = "c7d67e3f5d4c9d88a480367b44fc54d26adf99ab";

    private SparkRelease() {
    }
}
