package io.tideway.engine.conf;

import io.tideway.sql.RuntimeConfig;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One setting, declared once (Spark's {@code ConfigEntry}): its key, type, default, allowed values
 * and doc. The only place its text is parsed: {@link RuntimeConfig#set} validates through it, and
 * every reader gets the typed value from {@link #get(RuntimeConfig)} or {@link #get(Map)}.
 * Immutable; thread-safe.
 *
 * @param defaultText the default as text, or null when the setting has none
 * @param shownDefault the default as the settings table prints it (differs for a default computed on this machine)
 * @param allowed     the allowed range as the settings table prints it, or "" when the type says it all
 * @param check       a rule beyond the type; a value breaking it fails with {@code why}
 * @param alternatives other names of the setting (Spark's {@code withAlternative}), read when {@code key} is not given
 */
public record ConfigEntry<T>(String key, ValueType<T> type, String defaultText, String shownDefault, String allowed, Predicate<T> check,
                             String why, String doc, List<String> alternatives) {

    /** The value of {@code text}; Spark's error naming the key and the text if it is not a valid value. */
    public T parse(String text) {
        return parse(key, text);
    }

    /** As {@link #parse(String)}, the error naming {@code name}: the key or the alternative the value was given under. */
    T parse(String name, String text) {
        T value = type.parse(name, text);
        if (!check.test(value)) {
            throw ConfErrors.invalid(name, text, why);
        }
        return value;
    }

    /**
     * The value in {@code conf}, or the default; null when neither is there. {@code conf} answers
     * the default for an unset key, so an alternative is read when the key holds its default.
     */
    public T get(RuntimeConfig conf) {
        String text = conf.getOption(key).isDefined() ? conf.getOption(key).get() : null;
        for (String alt : alternatives) {
            if ((text == null || text.equals(defaultText)) && conf.getOption(alt).isDefined()) {
                return parse(alt, conf.getOption(alt).get());
            }
        }
        return valueOf(text);
    }

    /** The value in a settings map (as sources and sinks receive it), else under an alternative name, or the default. */
    public T get(Map<String, String> conf) {
        if (!conf.containsKey(key)) {
            for (String alt : alternatives) {
                if (conf.containsKey(alt)) {
                    return parse(alt, conf.get(alt));
                }
            }
        }
        return valueOf(conf.get(key));
    }

    /** The canonical text of the value in {@code conf} ({@code true}, {@code 10ms}), or null when unset without default. */
    public String text(RuntimeConfig conf) {
        T v = get(conf);
        return v == null ? null : type.text(v);
    }

    private T valueOf(String text) {
        String t = text != null ? text : defaultText;
        return t == null ? null : parse(t);
    }
}
