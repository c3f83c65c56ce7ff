package io.tideway.checkpoint;

/**
 * Appends JSON string literals by hand, escaped exactly as Jackson's default generator does:
 * quote and backslash escaped, the short escapes for backspace, tab, newline, form feed and
 * carriage return, six-character u-escapes for the other control characters, everything else
 * verbatim. Used for log lines written on the continuous coordinator thread, where a Jackson
 * generator per line costs more than the line.
 *
 * <p>Threading: stateless.
 */
final class JsonText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {
    }

    /** Appends {@code s} as a quoted JSON string, or {@code null}. */
    static void appendString(String s, StringBuilder out) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
