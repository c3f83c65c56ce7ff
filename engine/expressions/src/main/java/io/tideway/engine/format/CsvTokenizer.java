package io.tideway.engine.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into tokens as Spark's Univocity parser does with Spark's settings: fields
 * separated by {@code sep} (one or more characters); a field that starts with {@code quote} runs
 * to the closing quote and may contain separators and escaped quotes ({@code \"} with the default
 * {@code escape}; {@code ""} only when {@code escape} is the quote). A quote inside a quoted field
 * that is not followed by the separator is "unescaped" and the field is taken as written up to the
 * next separator, quotes included (Univocity's {@code STOP_AT_DELIMITER}); a quote never closed
 * runs to the end of the line. An empty unquoted field is {@code nullValue}, an empty quoted one
 * {@code emptyValue}; unquoted values lose leading or trailing white space only with
 * {@code ignoreLeadingWhiteSpace} / {@code ignoreTrailingWhiteSpace}.
 *
 * <p>Threading: one per reader (reuses its scratch builder).
 */
public final class CsvTokenizer {
    private static final int UNTERMINATED = -1;
    private static final int UNESCAPED_QUOTE = -2;

    private final String sep;
    private final char quote;
    private final char escape;
    private final boolean trimLeading;
    private final boolean trimTrailing;
    private final String nullValue;
    private final String emptyValue;
    private final StringBuilder field = new StringBuilder();
    private final List<String> tokens = new ArrayList<>();

    public CsvTokenizer(String sep, char quote, char escape, boolean trimLeading, boolean trimTrailing, String nullValue,
                 String emptyValue) {
        this.sep = sep;
        this.quote = quote;
        this.escape = escape;
        this.trimLeading = trimLeading;
        this.trimTrailing = trimTrailing;
        this.nullValue = nullValue;
        this.emptyValue = emptyValue;
    }

    /** The simple form: Spark's read defaults for white space, null and empty values. */
    public CsvTokenizer(char sep, char quote, char escape) {
        this(String.valueOf(sep), quote, escape, false, false, "", "");
    }

    /** The tokens of {@code line}; never null. */
    public String[] tokenize(String line) {
        tokens.clear();
        int i = 0;
        int n = line.length();
        while (true) {
            if (trimLeading) {
                while (i < n && line.charAt(i) <= ' ' && !line.startsWith(sep, i)) {
                    i++;
                }
            }
            String value;
            if (quote != '\0' && i < n && line.charAt(i) == quote) {
                field.setLength(0);
                int end = quoted(line, i + 1);
                if (end == UNTERMINATED) {
                    tokens.add(field.toString());
                    return tokens.toArray(new String[0]);
                }
                if (end == UNESCAPED_QUOTE) {
                    int d = delimiterFrom(line, i);
                    value = trimTrailing ? trailingTrimmed(line.substring(i, d)) : line.substring(i, d);
                    i = d;
                } else {
                    value = field.isEmpty() ? emptyValue : field.toString();
                    i = delimiterFrom(line, end); // only white space can stand there
                }
            } else {
                int d = delimiterFrom(line, i);
                String raw = trimTrailing ? trailingTrimmed(line.substring(i, d)) : line.substring(i, d);
                value = raw.isEmpty() ? nullValue : raw;
                i = d;
            }
            tokens.add(value);
            if (i >= n) {
                return tokens.toArray(new String[0]);
            }
            i += sep.length(); // a trailing separator yields a final empty token
        }
    }

    private int delimiterFrom(String line, int from) {
        int d = line.indexOf(sep, from);
        return d < 0 ? line.length() : d;
    }

    /**
     * Reads a quoted field's body into {@link #field}; returns the index after the closing quote,
     * {@link #UNESCAPED_QUOTE} for a quote followed by something other than the separator, or
     * {@link #UNTERMINATED}.
     */
    private int quoted(String line, int i) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == escape && escape != quote && i + 1 < n && (line.charAt(i + 1) == quote || line.charAt(i + 1) == escape)) {
                field.append(line.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                if (escape == quote && i + 1 < n && line.charAt(i + 1) == quote) {
                    field.append(quote);
                    i += 2;
                    continue;
                }
                int j = i + 1;
                while (j < n && line.charAt(j) <= ' ' && !line.startsWith(sep, j)) {
                    j++;
                }
                return j >= n || line.startsWith(sep, j) ? i + 1 : UNESCAPED_QUOTE;
            } else {
                field.append(c);
                i++;
            }
        }
        return UNTERMINATED;
    }

    private static String trailingTrimmed(String s) {
        int to = s.length();
        while (to > 0 && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return s.substring(0, to);
    }

    /**
     * Spark's {@code CSVExprUtils.toDelimiterStr}: the text, several characters allowed, with the
     * escapes {@code \t}, {@code \r}, {@code \b}, {@code \f}, {@code \"}, {@code \'},
     * {@code \\} and {@code \u0001} read as the character they name.
     */
    public static String delimiter(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("Delimiter cannot be empty string");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\' || i + 1 >= v.length()) {
                out.append(c);
                continue;
            }
            char next = v.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '"', '\'', '\\' -> out.append(next);
                case 'u' -> {
                    if (i + 4 < v.length()) {
                        out.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        throw new IllegalArgumentException("Unsupported special character for delimiter: \\u");
                    }
                }
                default -> throw new IllegalArgumentException("Unsupported special character for delimiter: \\" + next);
            }
        }
        return out.toString();
    }

    /** A one-character option ({@code quote}, {@code escape}, {@code comment}); empty turns it off. */
    public static char singleChar(String v, String option) {
        if (v.isEmpty()) {
            return '\0'; // Spark: an empty quote or escape turns the feature off
        }
        if (v.length() != 1) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for option '" + option + "': "
                    + option + " cannot be more than one character");
        }
        return v.charAt(0);
    }

    /** A tokenizer of Spark's CSV reading options in {@code options} ({@code sep}, {@code quote}, ...). */
    public static CsvTokenizer of(java.util.Map<String, String> options) {
        String sep = options.containsKey("sep") ? options.get("sep") : options.getOrDefault("delimiter", ",");
        return new CsvTokenizer(delimiter(sep), singleChar(options.getOrDefault("quote", "\""), "quote"),
                singleChar(options.getOrDefault("escape", "\\"), "escape"),
                JsonOptions.bool(options, "ignoreLeadingWhiteSpace", false), JsonOptions.bool(options, "ignoreTrailingWhiteSpace", false),
                options.getOrDefault("nullValue", ""), options.getOrDefault("emptyValue", ""));
    }
}
