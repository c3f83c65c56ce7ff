package io.tideway.engine.conf;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per key and JVM, about a {@code spark.*} or {@code tideway.*} setting Tideway does not
 * know (a typo is otherwise silent) or accepts without using. Logs through SLF4J
 * under {@code io.tideway.engine.conf.SettingWarnings}. Thread-safe.
 */
public final class SettingWarnings {
    private static final Logger LOG = LoggerFactory.getLogger(SettingWarnings.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private SettingWarnings() {
    }

    /** Logs a warning the first time an unknown or unused {@code key} is set. */
    public static void check(String key) {
        String why = reason(key);
        if (why != null && WARNED.add(key)) {
            LOG.warn("Ignoring {}", why);
        }
    }

    /** Why {@code key} has no effect, or null when Tideway reads it (or it is no Spark or Tideway key). */
    static String reason(String key) {
        if (TidewayConf.ACCEPTED_UNUSED.contains(key)) {
            return "setting " + key + ": Tideway accepts it, as Spark does, but it has no effect";
        }
        if (!TidewayConf.isUnknown(key)) {
            return null;
        }
        if (!key.startsWith("spark.sql.") && !key.startsWith("tideway.")) {
            return "Spark setting " + key + ": Tideway runs inside this JVM without Spark's core, so it has no effect";
        }
        String near = TidewayConf.entries().stream().map(ConfigEntry::key).filter(k -> k.equalsIgnoreCase(key))
                .findFirst().map(k -> " (did you mean " + k + "? keys are case-sensitive)").orElse("");
        return "unknown setting " + key + ": Tideway does not read it" + near
                + " (the settings it reads are listed in the README's Configuration section)";
    }
}
