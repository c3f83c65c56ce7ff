package io.tideway.engine.format;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Spark's JSON reading options as Jackson features, under Spark's names and defaults
 * ({@code allowSingleQuotes} and {@code allowNonNumericNumbers} true, the other leniencies false):
 * one definition for the JSON file source and the JSON functions. Stateless.
 */
public final class JsonOptions {
    private JsonOptions() {
    }

    /** Jackson configured with the reading options in {@code options}. */
    public static ObjectMapper mapper(Map<String, String> options) {
        return JsonMapper.builder()
                .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, bool(options, "allowSingleQuotes", true))
                .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, bool(options, "allowComments", false))
                .configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, bool(options, "allowUnquotedFieldNames", false))
                .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, bool(options, "allowNonNumericNumbers", true))
                .configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, bool(options, "allowNumericLeadingZeros", false))
                .configure(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                        bool(options, "allowBackslashEscapingAnyCharacter", false))
                .configure(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, bool(options, "allowUnquotedControlChars", false))
                .build();
    }

    /** A boolean option; a value other than true or false (any case) names the option in the error. */
    public static boolean bool(Map<String, String> options, String name, boolean dflt) {
        String v = options.get(name);
        if (v == null) {
            return dflt;
        }
        v = v.trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + name + "', must be 'true' or 'false'");
    }
}
