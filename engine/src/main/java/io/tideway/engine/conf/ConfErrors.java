package io.tideway.engine.conf;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.error.ErrorConditions;

import java.util.Map;

/**
 * The errors a bad setting raises, in Spark 4.0.4's words. {@code INVALID_CONF_VALUE} is not yet in
 * Tideway's copy of Spark's {@code error-conditions.json}: until it is, the exception carries
 * Spark's exact message (template copied here) without a condition; once it is there it is raised
 * with it, unchanged for the user. Stateless.
 */
final class ConfErrors {
    /** Spark 4.0.4: {@code INVALID_CONF_VALUE} with its sub-condition {@code TIME_ZONE}, SQLSTATE 22022. */
    private static final String TIME_ZONE_TEXT = "[INVALID_CONF_VALUE.TIME_ZONE] The value '<confValue>' in the config "
            + "\"<confName>\" is invalid. Cannot resolve the given timezone. SQLSTATE: 22022";

    private ConfErrors() {
    }

    /** Spark's {@code checkValue} failure: {@code '<value>' in <key> is invalid. <why>}. */
    static IllegalArgumentException invalid(String key, String text, String why) {
        return new IllegalArgumentException("'" + text + "' in " + key + " is invalid. " + why);
    }

    /** Spark's {@code [INVALID_CONF_VALUE.TIME_ZONE]}. */
    static IllegalArgumentException invalidTimeZone(String key, String text) {
        Map<String, String> params = Map.of("confValue", text, "confName", key);
        try {
            ErrorConditions.message("INVALID_CONF_VALUE.TIME_ZONE", params);
            return new SparkIllegalArgumentException("INVALID_CONF_VALUE.TIME_ZONE", params);
        } catch (Exception missing) { // raised unchecked by ErrorConditions while the condition is absent
            return new IllegalArgumentException(TIME_ZONE_TEXT.replace("<confValue>", text).replace("<confName>", key));
        }
    }
}
