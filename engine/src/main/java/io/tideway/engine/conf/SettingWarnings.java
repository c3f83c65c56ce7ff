package io.tideway.engine.conf;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warns, once per key and JVM, about a {@code spark.*} or {@code tideway.*} setting Tideway does not
 * know (a typo is otherwise silent) or accepts without using. Logs through {@code System.Logger}
 * under {@code io.tideway.engine.conf.SettingWarnings}. Thread-safe.
 */
public final class SettingWarnings {
    private static final System.Logger LOG = System.getLogger(SettingWarnings.class.getName());
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private SettingWarnings() {
    }

    /** Logs a warning the first time an unknown or unused {@code key} is set. */
    public static void check(String key) {
        if (TidewayConf.isUnknown(key)) {
            if (WARNED.add(key)) {
                LOG.log(System.Logger.Level.WARNING, "Ignoring unknown setting " + key
                        + ": Tideway does not read it (the settings it reads are listed in the README's Configuration section)");
            }
        } else if (TidewayConf.ACCEPTED_UNUSED.contains(key) && WARNED.add(key)) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring setting " + key + ": Tideway accepts it, as Spark does, but it has no effect");
        }
    }
}
