package io.tideway.sql.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into the value tree {@link JsonWriter} writes: objects as
 * {@link LinkedHashMap}s in text order, arrays as {@link List}s, integers as {@code Long}, other
 * numbers as {@code Double}, and strings, booleans and {@code null}. Malformed text throws
 * {@link IllegalArgumentException} naming the offset. One instance per parse; not thread-safe.
 */
final class JsonParser {
    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    /** The single value in {@code text}. */
    static Object parse(String text) {
        JsonParser p = new JsonParser(text);
        Object v = p.value();
        p.skipSpaces();
        if (p.pos < text.length()) {
            throw p.error("end of input");
        }
        return v;
    }

    private Object value() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> {
                return object();
            }
            case '[' -> {
                return array();
            }
            case '"' -> {
                return string();
            }
            default -> {
                if (text.startsWith("true", pos)) {
                    pos += 4;
                    return Boolean.TRUE;
                }
                if (text.startsWith("false", pos)) {
                    pos += 5;
                    return Boolean.FALSE;
                }
                if (text.startsWith("null", pos)) {
                    pos += 4;
                    return null;
                }
                return number();
            }
        }
    }

    private Map<String, Object> object() {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpaces();
        if (accept('}')) {
            return m;
        }
        do {
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("a field name");
            }
            String key = string();
            skipSpaces();
            if (!accept(':')) {
                throw error("':'");
            }
            m.put(key, value());
            skipSpaces();
        } while (accept(','));
        if (!accept('}')) {
            throw error("'}'");
        }
        return m;
    }

    private List<Object> array() {
        pos++;
        List<Object> l = new ArrayList<>();
        skipSpaces();
        if (accept(']')) {
            return l;
        }
        do {
            l.add(value());
            skipSpaces();
        } while (accept(','));
        if (!accept(']')) {
            throw error("']'");
        }
        return l;
    }

    private String string() {
        pos++;
        StringBuilder b = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("four hex digits");
                    }
                    b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> b.append(e);
            }
        }
        throw error("'\"'");
    }

    private Object number() {
        int start = pos;
        boolean fraction = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' || c == 'e' || c == 'E') {
                fraction = true;
            } else if (!(c == '-' || c == '+' || Character.isDigit(c))) {
                break;
            }
            pos++;
        }
        if (start == pos) {
            throw error("a value");
        }
        String n = text.substring(start, pos);
        try {
            return fraction ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
        } catch (NumberFormatException e) {
            throw error("a number");
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("Malformed JSON at offset " + pos + ": expected " + expected);
    }
}
