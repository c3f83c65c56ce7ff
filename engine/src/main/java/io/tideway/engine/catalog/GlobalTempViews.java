package io.tideway.engine.catalog;

import io.tideway.engine.plan.LogicalPlan;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spark's global temporary views: views shared by every session of one application (a session and
 * those its {@code newSession()} makes), read as {@code global_temp.<name>}. Names are case
 * insensitive. Thread-safe (any session's thread may register or read a view).
 */
public final class GlobalTempViews {
    /** Spark's {@code spark.sql.globalTempDatabase}, the schema that qualifies a global view. */
    public static final String DATABASE = "global_temp";

    private final Map<String, LogicalPlan> views = new ConcurrentHashMap<>();

    /** Registers {@code plan} as {@code name}; with {@code replace} false, whether there was no view of that name (nothing is registered then). */
    public boolean register(String name, LogicalPlan plan, boolean replace) {
        String key = name.toLowerCase(Locale.ROOT);
        if (replace) {
            views.put(key, plan);
            return true;
        }
        return views.putIfAbsent(key, plan) == null;
    }

    /** The view called {@code name}, or null. */
    public LogicalPlan get(String name) {
        return views.get(name.toLowerCase(Locale.ROOT));
    }

    /** Drops the view called {@code name}; whether there was one. */
    public boolean drop(String name) {
        return views.remove(name.toLowerCase(Locale.ROOT)) != null;
    }

    /** The view part of {@code qualified} when it names a view of {@link #DATABASE} ({@code global_temp.v}), else null. */
    public static String viewName(String qualified) {
        int dot = qualified.indexOf('.');
        return dot > 0 && qualified.substring(0, dot).equalsIgnoreCase(DATABASE) ? qualified.substring(dot + 1) : null;
    }
}
