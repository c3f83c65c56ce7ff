package io.tideway.engine.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Declares one {@link ConfigEntry} fluently, as Spark's {@code ConfigBuilder}; {@link #doc} ends the
 * declaration and registers the entry. Used on the declaring class's initialising thread only.
 */
final class ConfigBuilder<T> {
    private final String key;
    private final ValueType<T> type;
    private final List<ConfigEntry<?>> registry;
    private String defaultText;
    private String shownDefault;
    private String allowed = "";
    private Predicate<T> check = v -> true;
    private String why = "";
    private final List<String> alternatives = new ArrayList<>();

    ConfigBuilder(String key, ValueType<T> type, List<ConfigEntry<?>> registry) {
        this.key = key;
        this.type = type;
        this.registry = registry;
    }

    ConfigBuilder<T> defaultText(String text) {
        this.defaultText = text;
        return this;
    }

    /** What the settings table prints for a default computed on the running machine. */
    ConfigBuilder<T> shownDefault(String text) {
        this.shownDefault = text;
        return this;
    }

    /** A rule beyond the type: {@code allowed} for the table, {@code why} for the error. */
    ConfigBuilder<T> check(Predicate<T> rule, String allowed, String why) {
        this.check = rule;
        this.allowed = allowed;
        this.why = why;
        return this;
    }

    /** Another name the setting is read under when its key is not given (Spark's {@code withAlternative}). */
    ConfigBuilder<T> withAlternative(String otherKey) {
        alternatives.add(otherKey);
        return this;
    }

    ConfigEntry<T> doc(String doc) {
        String shown = shownDefault != null ? shownDefault : defaultText == null ? "(none)" : defaultText;
        ConfigEntry<T> e = new ConfigEntry<>(key, type, defaultText, shown, allowed, check, why, doc,
                List.copyOf(alternatives));
        registry.add(e);
        return e;
    }
}
