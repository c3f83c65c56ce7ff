package io.tideway.engine.expr;

import java.util.function.UnaryOperator;

/**
 * The settings of the session whose query a thread is building, as Spark's {@code SQLConf.get}:
 * an expression whose type, nullability or analysis checks depend on {@code spark.sql.ansi.enabled}
 * (Spark's {@code evalMode} and {@code failOnError} flags: a cast refused under ANSI, {@code size}'s
 * legacy -1 for null, {@code make_date}'s null for an invalid date) reads it here once, when it is
 * built, and keeps it. A thread's active session is the one whose Dataset it made last, as Spark's
 * {@code Dataset.ofRows} makes its session active; a thread without one reads Spark's default
 * (ANSI on). Thread-confined: each thread sees only the session it activated.
 */
public final class SessionConf {
    private static final ThreadLocal<UnaryOperator<String>> ACTIVE = new ThreadLocal<>();

    private SessionConf() {
    }

    /** Makes {@code settings} (a session's setting reader) the calling thread's active session. */
    public static void activate(UnaryOperator<String> settings) {
        ACTIVE.set(settings);
    }

    /** The active session's {@code spark.sql.datetime.java8API.enabled}; false (Spark's default) without one. */
    public static boolean java8Api() {
        UnaryOperator<String> settings = ACTIVE.get();
        return settings != null && Boolean.parseBoolean(settings.apply("spark.sql.datetime.java8API.enabled"));
    }

    /** The active session's {@code spark.sql.ansi.enabled}; true (Spark 4's default) without one. */
    public static boolean ansi() {
        UnaryOperator<String> settings = ACTIVE.get();
        return settings == null || Boolean.parseBoolean(settings.apply("spark.sql.ansi.enabled"));
    }

    /** The active session's {@code spark.sql.session.timeZone}; the JVM's zone without one, as Spark's default. */
    public static java.time.ZoneId zone() {
        UnaryOperator<String> settings = ACTIVE.get();
        String v = settings == null ? null : settings.apply("spark.sql.session.timeZone");
        return v == null ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(v, java.time.ZoneId.SHORT_IDS);
    }

    /** The active session's {@code spark.sql.chunkBase64String.enabled}; true (Spark 4's default) without one. */
    public static boolean chunkBase64() {
        UnaryOperator<String> settings = ACTIVE.get();
        String v = settings == null ? null : settings.apply("spark.sql.chunkBase64String.enabled");
        return v == null || Boolean.parseBoolean(v);
    }
}
