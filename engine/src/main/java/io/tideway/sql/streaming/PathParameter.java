package io.tideway.sql.streaming;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.TidewaySession;

import java.util.Map;

/**
 * Spark's check that a {@code path} option and a path parameter ({@code load(path)},
 * {@code start(path)}) are not both given, unless the legacy setting lets the parameter win.
 * Stateless.
 */
final class PathParameter {
    static final String LEGACY_PATH_OPTION_BEHAVIOR = TidewayConf.LEGACY_PATH_OPTION.key();

    private PathParameter() {
    }

    /** Refuses {@code method(path)} when {@code options} already hold a path (names compared ignoring case). */
    static void refuseIfPathOptionSet(Map<String, String> options, String method, TidewaySession session) {
        if (TidewayConf.LEGACY_PATH_OPTION.get(session.conf())) {
            return;
        }
        if (options.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("path"))) {
            throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1188",
                    Map.of("method", method, "config", LEGACY_PATH_OPTION_BEHAVIOR)));
        }
    }
}
