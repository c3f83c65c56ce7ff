package io.tideway.engine.expr.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of Spark SQL text, as far as the forms Calcite lacks need them ({@link SparkClauses}):
 * words, backticked names, string literals (single- or double-quoted, backslash escapes, Spark's
 * raw {@code r'...'}), numbers and single-character symbols ({@code ::} is one token). Blanks and
 * comments ({@code --} to the end of the line, {@code /* ... *}{@code /}) separate tokens and are
 * not tokens. Offsets are the user's. Immutable.
 */
final class SqlTokens {
    /** What a token is. */
    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL }

    /** One token at {@code [start, end)} of the text. */
    record Token(Kind kind, int start, int end) {
    }

    private final String text;
    private final List<Token> tokens;

    private SqlTokens(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    static SqlTokens of(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '`') {
                i = quoted(text, i, false);
                out.add(new Token(Kind.QUOTED_NAME, start, i));
            } else if (c == '\'' || c == '"') {
                boolean raw = !out.isEmpty() && out.get(out.size() - 1).end == i && isRawPrefix(text, out.get(out.size() - 1));
                i = quoted(text, i, !raw);
                if (raw) {
                    out.set(out.size() - 1, new Token(Kind.STRING, out.get(out.size() - 1).start, i));
                } else {
                    out.add(new Token(Kind.STRING, start, i));
                }
            } else if (SourceText.isWordStart(c)) {
                while (i < n && SourceText.isWordPart(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, start, i));
            } else if (Character.isDigit(c)) {
                while (i < n && (SourceText.isWordPart(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, start, i));
            } else {
                i += c == ':' && i + 1 < n && text.charAt(i + 1) == ':' ? 2 : 1;
                out.add(new Token(Kind.SYMBOL, start, i));
            }
        }
        return new SqlTokens(text, List.copyOf(out));
    }

    private static boolean isRawPrefix(String text, Token t) {
        return t.kind == Kind.WORD && t.end - t.start == 1 && (text.charAt(t.start) == 'r' || text.charAt(t.start) == 'R');
    }

    /** The end of the quoted text opening at {@code i}; a doubled quote stays inside, as does an escaped one. */
    private static int quoted(String text, int i, boolean escapes) {
        char q = text.charAt(i++);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && escapes) {
                i += 2;
            } else if (c == q) {
                if (i + 1 < text.length() && text.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    String text() {
        return text;
    }

    /** The token's text. */
    String image(int i) {
        Token t = tokens.get(i);
        return text.substring(t.start, t.end);
    }

    /** Whether token {@code i} exists and is the word {@code word} (any case). */
    boolean isWord(int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind == Kind.WORD && image(i).equalsIgnoreCase(word);
    }

    /** Whether token {@code i} exists and is the symbol {@code symbol}. */
    boolean isSymbol(int i, String symbol) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind == Kind.SYMBOL && image(i).equals(symbol);
    }

    /** Whether token {@code i} exists and names something: a word or a backticked name. */
    boolean isName(int i) {
        return i >= 0 && i < tokens.size() && (tokens.get(i).kind == Kind.WORD || tokens.get(i).kind == Kind.QUOTED_NAME);
    }

    /** A name token's name: a backticked one unquoted. */
    String name(int i) {
        String image = image(i);
        return tokens.get(i).kind == Kind.QUOTED_NAME ? image.substring(1, image.length() - 1).replace("``", "`") : image;
    }

    /**
     * The tokens directly inside the parentheses opened at token {@code open}, in order: neither
     * the parentheses nested in them nor what those hold.
     */
    List<Integer> inside(int open) {
        List<Integer> out = new ArrayList<>();
        int close = closing(open, "(", ")");
        int depth = 0;
        for (int k = open + 1; k < close; k++) {
            if (isSymbol(k, "(")) {
                depth++;
            } else if (isSymbol(k, ")")) {
                depth--;
            } else if (depth == 0) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The index of the token closing the bracket {@code open} .. {@code close} opened at token
     * {@code i}, or -1 when the text ends first.
     */
    int closing(int i, String open, String close) {
        int depth = 0;
        for (int k = i; k < tokens.size(); k++) {
            if (isSymbol(k, open)) {
                depth++;
            } else if (isSymbol(k, close) && --depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
