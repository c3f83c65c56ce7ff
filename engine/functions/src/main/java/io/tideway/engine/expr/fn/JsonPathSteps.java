package io.tideway.engine.expr.fn;

/**
 * A {@code get_json_object} path parsed as Spark's {@code JsonPathParser} parses it: {@code $}
 * then any of {@code .*} or {@code ['*']} (a {@link #WILDCARD}), {@code .name} or
 * {@code ['name']} (a {@link #KEY} then a {@link #NAMED}), {@code [*]} (a {@link #SUBSCRIPT}
 * then a {@link #WILDCARD}) and {@code [n]} (a {@link #SUBSCRIPT} then an {@link #INDEX}).
 * Spark's parser combinators skip whitespace before a string or pattern token but not before a
 * single character ({@code $ . [ ] *}), and allow it at the end; so does this. Immutable.
 */
final class JsonPathSteps {
    static final byte KEY = 0;
    static final byte NAMED = 1;
    static final byte SUBSCRIPT = 2;
    static final byte WILDCARD = 3;
    static final byte INDEX = 4;

    /** The instructions, one kind each; {@link #names} and {@link #indices} hold their operands. */
    final byte[] kinds;
    final String[] names;
    final long[] indices;

    private JsonPathSteps(byte[] kinds, String[] names, long[] indices) {
        this.kinds = kinds;
        this.names = names;
        this.indices = indices;
    }

    int length() {
        return kinds.length;
    }

    /** Whether instructions {@code at} and {@code at + 1} are {@code [*]}. */
    boolean arrayWildcardAt(int at) {
        return at + 1 < kinds.length && kinds[at] == SUBSCRIPT && kinds[at + 1] == WILDCARD;
    }

    /** The steps of {@code path}, or null where Spark's parser fails (the function then answers null). */
    static JsonPathSteps parse(String path) {
        if (path.isEmpty() || path.charAt(0) != '$') {
            return null;
        }
        Builder b = new Builder(path.length());
        int i = 1;
        while (true) {
            int next = node(path, i, b);
            if (next < 0) {
                break;
            }
            i = next;
        }
        return skipSpace(path, i) == path.length() ? b.build() : null;
    }

    /** One node at {@code i} (wildcard, named, subscript, tried in Spark's order): the index after it, or -1. */
    private static int node(String s, int i, Builder b) {
        int w = skipSpace(s, i);
        if (s.startsWith(".*", w) || s.startsWith("['*']", w)) {
            b.add(WILDCARD, null, 0);
            return w + (s.charAt(w) == '.' ? 2 : 5);
        }
        if (i < s.length() && s.charAt(i) == '.') {
            int start = skipSpace(s, i + 1);
            int end = start;
            while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
                end++;
            }
            if (end > start) {
                b.add(KEY, null, 0);
                b.add(NAMED, s.substring(start, end), 0);
                return end;
            }
        }
        if (s.startsWith("['", w)) {
            int start = skipSpace(s, w + 2);
            int end = start;
            while (end < s.length() && s.charAt(end) != '\'') {
                end++;
            }
            int close = skipSpace(s, end);
            if (end > start && s.startsWith("']", close)) {
                b.add(KEY, null, 0);
                b.add(NAMED, s.substring(start, end), 0);
                return close + 2;
            }
        }
        if (i < s.length() && s.charAt(i) == '[') {
            if (i + 2 < s.length() && s.charAt(i + 1) == '*' && s.charAt(i + 2) == ']') {
                b.add(SUBSCRIPT, null, 0);
                b.add(WILDCARD, null, 0);
                return i + 3;
            }
            int start = skipSpace(s, i + 1);
            int end = start;
            while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                end++;
            }
            if (end > start && end < s.length() && s.charAt(end) == ']') {
                long index;
                try {
                    index = Long.parseLong(s, start, end, 10);
                } catch (NumberFormatException tooLong) {
                    return -1;
                }
                b.add(SUBSCRIPT, null, 0);
                b.add(INDEX, null, index);
                return end + 1;
            }
        }
        return -1;
    }

    /** The index of the first non-whitespace character at or after {@code i} (Java regex's {@code \s}). */
    private static int skipSpace(String s, int i) {
        while (i < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Collects instructions while parsing. */
    private static final class Builder {
        private final byte[] kinds;
        private final String[] names;
        private final long[] indices;
        private int n;

        Builder(int capacity) {
            kinds = new byte[2 * capacity];
            names = new String[2 * capacity];
            indices = new long[2 * capacity];
        }

        void add(byte kind, String name, long index) {
            kinds[n] = kind;
            names[n] = name;
            indices[n] = index;
            n++;
        }

        JsonPathSteps build() {
            return new JsonPathSteps(java.util.Arrays.copyOf(kinds, n), java.util.Arrays.copyOf(names, n),
                    java.util.Arrays.copyOf(indices, n));
        }
    }
}
