package io.tideway;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.logging.LogLevels;
import io.tideway.sql.TidewaySession;

/**
 * What a Spark program reaches through {@code spark.sparkContext()}, mirroring the parts of
 * Spark's {@code SparkContext} a streaming program calls: {@link #setLogLevel} (nearly every
 * program's second line), the version, the application name and master. Tideway has no cluster
 * context; this is a view of the session. Thread-safe.
 */
public final class SparkContext {
    private final TidewaySession session;
    /** {@link #setCheckpointDir}'s directory, null until set; written and read by any thread. */
    private volatile String checkpointDir;

    public SparkContext(TidewaySession session) {
        this.session = session;
    }

    /**
     * Sets the level of the root and {@code io.tideway} loggers of the bound SLF4J backend
     * (java.util.logging through slf4j-jdk14, logback or log4j2; another backend keeps its levels
     * and a WARN names it): one of {@code ALL, DEBUG, ERROR, FATAL, INFO, OFF, TRACE, WARN}, in any
     * case; any other name fails with Spark's {@code IllegalArgumentException}.
     */
    public void setLogLevel(String logLevel) {
        LogLevels.set(logLevel);
    }

    /** The Spark version whose API and behaviour Tideway follows, as {@code TidewaySession.version()}. */
    public String version() {
        return session.version();
    }

    /** {@code spark.app.name}, as the builder set it. */
    public String appName() {
        return io.tideway.engine.conf.TidewayConf.APP_NAME.get(session.conf());
    }

    /** Spark's {@code uiWebUrl}: the status page's address with {@code spark.ui.enabled}, else none. */
    public scala.Option<String> uiWebUrl() {
        return scala.Option.apply(session.statusPageUrl().orElse(null));
    }

    /**
     * Spark's {@code defaultParallelism} in local mode: the N of {@code local[N]} ({@code local[*]}:
     * this machine's cores; {@code local}: 1). A range without a partition count is cut into this
     * many slices, as Spark's.
     */
    public int defaultParallelism() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\s*\\d+)?]").matcher(master().trim());
        if (m.matches()) {
            return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Math.max(1, Integer.parseInt(m.group(1)));
        }
        return master().trim().equals("local") ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The directory {@code Dataset.checkpoint()} requires, as Spark's: created if missing. Tideway
     * keeps a checkpointed Dataset's rows in memory and writes nothing there.
     */
    public void setCheckpointDir(String directory) {
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(directory));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Failed to create checkpoint directory " + directory, e);
        }
        checkpointDir = directory;
    }

    /** {@link #setCheckpointDir}'s directory, if set. */
    public scala.Option<String> getCheckpointDir() {
        return scala.Option.apply(checkpointDir);
    }

    /** {@code spark.master}, as the builder set it ({@code local[*]} by default; Tideway runs in process). */
    public String master() {
        return io.tideway.engine.conf.TidewayConf.MASTER.get(session.conf());
    }
}
