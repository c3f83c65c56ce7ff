package io.tideway.connectors.chronicle;

import java.util.Properties;

/**
 * Chronicle settings Tideway chooses for an embedding application: Chronicle's usage analytics
 * (which would contact an internet endpoint and write a client id into the user's home directory)
 * and its start-up announcer are off unless the application set the property itself — then its
 * choice stands (e.g. {@code -Dchronicle.analytics.disable=false} opts in). Applied before the
 * connector first touches a Chronicle class.
 */
final class ChronicleDefaults {
    static final String ANALYTICS = "chronicle.analytics.disable";
    static final String ANNOUNCER = "chronicle.announcer.disable";

    static {
        apply(System.getProperties());
    }

    private ChronicleDefaults() {
    }

    /** Sets the defaults in {@code props} where they are unset. */
    static void apply(Properties props) {
        synchronized (props) {
            props.putIfAbsent(ANALYTICS, "true");
            props.putIfAbsent(ANNOUNCER, "true");
        }
    }

    /** Loads this class, applying the defaults to the system properties once. */
    static void ensureApplied() {
        // the static initializer did the work
    }
}
