package io.tideway.engine.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideway.SparkException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error conditions Tideway raises and the one place their messages are built, as Spark's
 * {@code SparkThrowableHelper.getMessage}: {@code [CONDITION.SUB] text SQLSTATE: xxxxx}, where
 * the text is the condition's template (the main template, a space, the sub-condition's) with
 * each {@code <param>} replaced by its value. {@code _LEGACY_ERROR_*} conditions print no
 * bracketed prefix and have no SQLSTATE, as in Spark.
 *
 * <p>Templates come from {@code io/tideway/error/error-conditions.json}, entries copied verbatim
 * from Spark 4.0.4's {@code error/error-conditions.json}, and
 * {@code io/tideway/error/tideway-error-conditions.json}, Tideway's own conditions for limits
 * Spark does not have (it may add sub-conditions to a Spark condition). Loaded once when the class
 * initialises; immutable after, so any thread may use it.
 */
public final class ErrorConditions {
    private static final Pattern PARAMETER = Pattern.compile("<([a-zA-Z0-9_-]+)>");
    private static final String LEGACY_PREFIX = "_LEGACY_ERROR_";
    private static final Map<String, Condition> CONDITIONS = load(
            "io/tideway/error/error-conditions.json", "io/tideway/error/tideway-error-conditions.json");

    private ErrorConditions() {
    }

    /** One main condition: its template, its sub-conditions' templates and its SQLSTATE (may be null). */
    private record Condition(String template, Map<String, String> subTemplates, String sqlState) {
    }

    /** The message for {@code condition} with {@code parameters}, as Spark prints it. */
    public static String message(String condition, Map<String, String> parameters) {
        return message(condition, parameters, "");
    }

    /** As {@link #message(String, Map)}, then a newline and {@code summary} unless it is empty. */
    public static String message(String condition, Map<String, String> parameters, String summary) {
        String text = fill(condition, template(condition), parameters);
        String sqlState = sqlState(condition);
        String prefix = condition.startsWith(LEGACY_PREFIX) ? "" : "[" + condition + "] ";
        return prefix + text + (sqlState == null ? "" : " SQLSTATE: " + sqlState) + (summary.isEmpty() ? "" : "\n" + summary);
    }

    /** An unmodifiable copy of message parameters, keeping their order; values may be null, as in Spark. */
    public static Map<String, String> copyOf(Map<String, String> parameters) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The SQLSTATE of {@code condition}'s main condition; null if it has none or is unknown. */
    public static String sqlState(String condition) {
        if (condition == null) {
            return null;
        }
        int dot = condition.indexOf('.');
        Condition c = CONDITIONS.get(dot < 0 ? condition : condition.substring(0, dot));
        return c == null ? null : c.sqlState();
    }

    /** The main template, or the main and the sub-condition's joined by a space. */
    static String template(String condition) {
        String[] parts = condition.split("\\.");
        Condition c = parts.length <= 2 ? CONDITIONS.get(parts[0]) : null;
        if (c == null) {
            throw Unchecked.raise(SparkException.internalError("Cannot find main error class '" + condition + "'"));
        }
        if (parts.length == 1) {
            return c.template();
        }
        String sub = c.subTemplates().get(parts[1]);
        if (sub == null) {
            throw Unchecked.raise(SparkException.internalError("Cannot find sub error class '" + condition + "'"));
        }
        return c.template() + " " + sub;
    }

    private static String fill(String condition, String template, Map<String, String> parameters) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            if (!parameters.containsKey(name)) {
                throw Unchecked.raise(SparkException.internalError("Undefined error message parameter for error class: '"
                        + condition + "', MessageTemplate: " + template + ", Parameters: " + parameters));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(parameters.get(name))));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, Condition> load(String... resources) {
        Map<String, Condition> all = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String resource : resources) {
            try (InputStream in = ErrorConditions.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + resource);
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = json.readTree(in).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    all.merge(e.getKey(), parse(e.getValue()), ErrorConditions::withSubConditionsOf);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return Map.copyOf(all);
    }

    /** A later file may add sub-conditions to a main condition; its own template and state are ignored. */
    private static Condition withSubConditionsOf(Condition base, Condition more) {
        Map<String, String> subs = new HashMap<>(base.subTemplates());
        subs.putAll(more.subTemplates());
        return new Condition(base.template(), Map.copyOf(subs), base.sqlState());
    }

    private static Condition parse(JsonNode node) {
        Map<String, String> subs = new HashMap<>();
        JsonNode subClass = node.get("subClass");
        if (subClass != null) {
            subClass.fields().forEachRemaining(s -> subs.put(s.getKey(), lines(s.getValue().get("message"))));
        }
        JsonNode state = node.get("sqlState");
        return new Condition(lines(node.get("message")), Map.copyOf(subs), state == null ? null : state.asText());
    }

    private static String lines(JsonNode message) {
        StringBuilder b = new StringBuilder();
        for (JsonNode line : message) {
            b.append(b.isEmpty() ? "" : "\n").append(line.asText());
        }
        return b.toString();
    }
}
