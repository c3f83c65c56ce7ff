package io.tideway.sql;

import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.error.Unchecked;

import java.util.Map;

/**
 * Spark's (3.1+) refusal of a {@code path} option set beside the path parameters of
 * {@code DataFrameReader.load(paths)} and {@code DataFrameWriter.save(path)}, unless
 * {@code spark.sql.legacy.pathOptionBehavior.enabled} restores the older rule (the option joins
 * the paths read; the parameter replaces the option written). Stateless.
 */
final class PathOptionCheck {
    private PathOptionCheck() {
    }

    /** Whether the legacy setting is on, so the caller merges rather than refuses. */
    static boolean legacy(TidewaySession session) {
        return TidewayConf.LEGACY_PATH_OPTION.get(session.conf());
    }

    /** The value of the {@code key} option (name compared ignoring case, as Spark's options), or null. */
    static String option(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** {@code load(paths)} with a {@code path} or {@code paths} option: Spark's {@code _LEGACY_ERROR_TEMP_1306}. */
    static void refuseLoad(Map<String, String> options, TidewaySession session) {
        if (!legacy(session) && (option(options, "path") != null || option(options, "paths") != null)) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1306",
                    Map.of("config", TidewayConf.LEGACY_PATH_OPTION.key())));
        }
    }

    /** {@code save(path)} with a {@code path} option: Spark's {@code _LEGACY_ERROR_TEMP_1307}. */
    static void refuseSave(Map<String, String> options, TidewaySession session) {
        if (!legacy(session) && option(options, "path") != null) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1307",
                    Map.of("config", TidewayConf.LEGACY_PATH_OPTION.key())));
        }
    }
}
