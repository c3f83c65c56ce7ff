package io.tideway.engine.source.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into tokens (RFC 4180 with Spark's defaults): fields separated by
 * {@code sep}; a field that starts with {@code quote} runs to the matching quote and may contain
 * separators, a doubled quote ({@code ""}) or an escaped quote ({@code \"}); text after a closing
 * quote up to the separator is kept, as Univocity does. Returns null for an unterminated quote.
 *
 * <p>Threading: one per reader (reuses its scratch builder).
 */
final class CsvTokenizer {
    private final char sep;
    private final char quote;
    private final char escape;
    private final StringBuilder field = new StringBuilder();
    private final List<String> tokens = new ArrayList<>();

    CsvTokenizer(char sep, char quote, char escape) {
        this.sep = sep;
        this.quote = quote;
        this.escape = escape;
    }

    /** The tokens of {@code line}, or null when a quoted field is not closed. */
    String[] tokenize(String line) {
        tokens.clear();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == quote && quote != '\0') {
                i = quoted(line, i + 1);
                if (i < 0) {
                    return null;
                }
            }
            while (i < n && line.charAt(i) != sep) {
                field.append(line.charAt(i++));
            }
            tokens.add(field.toString());
            if (i >= n) {
                return tokens.toArray(new String[0]);
            }
            i++; // past the separator; a trailing separator yields a final empty token
        }
    }

    /** Reads a quoted field's body into {@link #field}; returns the index after the closing quote, or -1. */
    private int quoted(String line, int i) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == escape && escape != quote && i + 1 < n && (line.charAt(i + 1) == quote || line.charAt(i + 1) == escape)) {
                field.append(line.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && line.charAt(i + 1) == quote) {
                    field.append(quote);
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                field.append(c);
                i++;
            }
        }
        return -1;
    }
}
