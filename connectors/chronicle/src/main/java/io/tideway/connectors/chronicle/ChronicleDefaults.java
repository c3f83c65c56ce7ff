package io.tideway.connectors.chronicle;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Fails, in one line naming the flags to add, when the JVM does not give Chronicle the access
     * it needs on JDK 17 (it would fail later, deep inside its first queue, with an
     * {@code IllegalAccessException}).
     */
    static void requireJvmAccess() {
        List<String> missing = missingFlags(ChronicleDefaults.class.getModule());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The Chronicle connector needs these JVM flags: " + String.join(" ", missing));
        }
    }

    /** The flags Chronicle needs that do not hold for code in {@code module}. */
    static List<String> missingFlags(Module module) {
        List<String> missing = new ArrayList<>();
        Module base = Object.class.getModule();
        exported(missing, base, "jdk.internal.ref", module, "java.base");
        exported(missing, base, "sun.nio.ch", module, "java.base");
        if (!base.isOpen("java.lang", module)) {
            missing.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
        if (!base.isOpen("java.lang.reflect", module)) {
            missing.add("--add-opens=java.base/java.lang.reflect=ALL-UNNAMED");
        }
        ModuleLayer.boot().findModule("jdk.compiler").ifPresent(m ->
                exported(missing, m, "com.sun.tools.javac.file", module, "jdk.compiler"));
        return missing;
    }

    private static void exported(List<String> missing, Module owner, String pkg, Module to, String ownerName) {
        if (!owner.isExported(pkg, to)) {
            missing.add("--add-exports=" + ownerName + "/" + pkg + "=ALL-UNNAMED");
        }
    }

    /** Loads this class, applying the defaults to the system properties once. */
    static void ensureApplied() {
        // the static initializer did the work
    }
}
