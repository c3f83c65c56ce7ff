package io.tideway.engine.expr.sql;

/**
 * Spark's operators Calcite's parser lacks, rewritten before parsing into ones it has at the same
 * offsets and with the same length, so positions in errors stay the user's:
 * {@code <=>} becomes {@code <> } (and {@code ==} {@code = }), {@code |} becomes {@code ^},
 * {@code >>} and {@code >>>} become {@code <<}, {@code ~} and a prefix {@code !} become {@code -},
 * the {@code REGEXP} operator {@code RLIKE}, {@code LIKE ANY|SOME|ALL} {@code IN}, the {@code DIV} operator {@code /},
 * the {@code COLLATE} clause {@code ||} (the translator reads it back as {@code collate(s, name)}), and the {@code L}/{@code D} suffix of a number a
 * blank, a double-quoted string a single-quoted one. The translator tells each rewritten operator from the one it stands for by reading the
 * user's text at the operator ({@link SqlNodeTranslator}). String literals, quoted identifiers
 * and comments are left alone. Stateless.
 */
final class SparkOperators {
    private SparkOperators() {
    }

    static String rewrite(String text) {
        char[] c = text.toCharArray();
        int n = c.length;
        int i = 0;
        while (i < n) {
            char ch = c[i];
            if (ch == '\'' || ch == '"' || ch == '`') {
                int start = i;
                i = skipQuoted(c, i, ch != '`' && i > 0 && (c[i - 1] == ' ') && rawPrefix(text, i - 1));
                if (ch == '"' && i - 1 > start && c[i - 1] == '"') {
                    singleQuoted(c, start, i - 1);
                }
                continue;
            }
            if ((ch == 'r' || ch == 'R') && i + 1 < n && (c[i + 1] == '\'' || c[i + 1] == '"')
                    && (i == 0 || !SourceText.isWordPart(c[i - 1]))) {
                c[i++] = ' '; // Spark's raw string r'...': the translator reads the r back and skips unescaping
                continue;
            }
            if (ch == '-' && i + 1 < n && c[i + 1] == '-') {
                while (i < n && c[i] != '\n') {
                    i++;
                }
                continue;
            }
            if (ch == '/' && i + 1 < n && c[i + 1] == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (ch == '<' && i + 2 < n && c[i + 1] == '=' && c[i + 2] == '>') {
                c[i + 1] = '>';
                c[i + 2] = ' ';
                i += 3;
            } else if (ch == '=' && i + 1 < n && c[i + 1] == '=') {
                c[i + 1] = ' ';
                i += 2;
            } else if (ch == '|') {
                if (i + 1 < n && c[i + 1] == '|') {
                    i += 2;
                } else {
                    c[i++] = '^';
                }
            } else if (ch == '>' && i + 1 < n && c[i + 1] == '>') {
                c[i] = '<';
                c[i + 1] = '<';
                if (i + 2 < n && c[i + 2] == '>') {
                    c[i + 2] = ' ';
                    i++;
                }
                i += 2;
            } else if (ch == '~' || ch == '!' && (i + 1 >= n || c[i + 1] != '=')) {
                c[i++] = '-';
            } else if (Character.isDigit(ch) && (i == 0 || !SourceText.isWordPart(c[i - 1]) && c[i - 1] != '.')) {
                i = number(c, i);
            } else if (SourceText.isWordStart(ch)) {
                int end = i;
                while (end < n && SourceText.isWordPart(c[end])) {
                    end++;
                }
                int quantified = likeQuantifierEnd(text, i, end);
                if (quantified > 0) {
                    c[i] = 'I';
                    c[i + 1] = 'N';
                    for (int k = i + 2; k < quantified; k++) {
                        c[k] = ' ';
                    }
                    i = quantified;
                    continue;
                }
                if (end - i == 6 && text.regionMatches(true, i, "REGEXP", 0, 6) && !callFollows(c, end)) {
                    "RLIKE ".getChars(0, 6, c, i);
                }
                if (end - i == 8 && text.regionMatches(true, i, "TRY_CAST", 0, 8) && callFollows(c, end)) {
                    "    CAST".getChars(0, 8, c, i); // Calcite's CAST grammar; the translator reads the TRY_ back
                }
                if (callFollows(c, end) && isCeilOrFloor(text, i, end)) {
                    c[end - 1] = '_'; // Calcite's CEIL/FLOOR grammar takes one argument; the translator reads the name back
                }
                if (end - i == 3 && text.regionMatches(true, i, "DIV", 0, 3) && operandBefore(text, c, i)) {
                    "/  ".getChars(0, 3, c, i);
                }
                if (end - i == 7 && text.regionMatches(true, i, "COLLATE", 0, 7) && operandBefore(text, c, i)) {
                    "||     ".getChars(0, 7, c, i); // binds tighter than comparisons, as Spark's COLLATE clause
                }
                i = end;
            } else {
                i++;
            }
        }
        return new String(c);
    }

    /** Past a number; a {@code Y}, {@code S}, {@code L}, {@code F}, {@code D} or {@code BD} suffix (not followed by a word character) becomes blanks. */
    private static int number(char[] c, int i) {
        int n = c.length;
        while (i < n && (Character.isDigit(c[i]) || c[i] == '.')) {
            i++;
        }
        if (i < n && (c[i] == 'e' || c[i] == 'E') && i + 1 < n && (Character.isDigit(c[i + 1]) || c[i + 1] == '-' || c[i + 1] == '+')) {
            i += 2;
            while (i < n && Character.isDigit(c[i])) {
                i++;
            }
        }
        if (i < n && "LlDdYySsFf".indexOf(c[i]) >= 0 && (i + 1 >= n || !SourceText.isWordPart(c[i + 1]))) {
            c[i++] = ' ';
        } else if (i + 1 < n && (c[i] == 'B' || c[i] == 'b') && (c[i + 1] == 'D' || c[i + 1] == 'd')
                && (i + 2 >= n || !SourceText.isWordPart(c[i + 2]))) {
            c[i++] = ' ';
            c[i++] = ' ';
        }
        return i;
    }

    /**
     * Spark's {@code LIKE ANY|SOME|ALL (p, ...)} (and ILIKE's): the end of the quantifier when the
     * word at {@code [i, end)} is LIKE or ILIKE followed by one and a parenthesis, else -1. It is
     * rewritten to {@code IN}, and the translator reads the quantifier back from the user's text.
     */
    private static int likeQuantifierEnd(String text, int i, int end) {
        String word = text.substring(i, end);
        if (!word.equalsIgnoreCase("LIKE") && !word.equalsIgnoreCase("ILIKE")) {
            return -1;
        }
        int q = end;
        while (q < text.length() && Character.isWhitespace(text.charAt(q))) {
            q++;
        }
        int qEnd = q;
        while (qEnd < text.length() && SourceText.isWordPart(text.charAt(qEnd))) {
            qEnd++;
        }
        String quantifier = text.substring(q, qEnd);
        boolean known = quantifier.equalsIgnoreCase("ANY") || quantifier.equalsIgnoreCase("SOME")
                || quantifier.equalsIgnoreCase("ALL");
        return known && callFollows(text.toCharArray(), qEnd) ? qEnd : -1;
    }

    private static boolean isCeilOrFloor(String text, int from, int end) {
        String w = text.substring(from, end);
        return w.equalsIgnoreCase("ceil") || w.equalsIgnoreCase("ceiling") || w.equalsIgnoreCase("floor");
    }

    /** Keywords after which a word starts an operand (so {@code SELECT div(a, b)} calls the function). */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("SELECT", "AND", "OR", "NOT", "CASE", "WHEN",
            "THEN", "ELSE", "WHERE", "HAVING", "BY", "ON", "IN", "IS", "AS", "DISTINCT", "BETWEEN", "LIKE", "RLIKE", "DIV");

    /** Whether an operand ends before {@code i} (so a word there is a binary operator, not a name). */
    private static boolean operandBefore(String text, char[] c, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(c[j])) {
            j--;
        }
        if (j < 0 || j == i - 1) {
            return false;
        }
        if (SourceText.isWordPart(c[j])) {
            int w = j;
            while (w > 0 && SourceText.isWordPart(c[w - 1])) {
                w--;
            }
            return !KEYWORDS.contains(text.substring(w, j + 1).toUpperCase(java.util.Locale.ROOT));
        }
        return c[j] == ')' || c[j] == '\'' || c[j] == '`' || c[j] == '"';
    }

    private static boolean callFollows(char[] c, int i) {
        while (i < c.length && Character.isWhitespace(c[i])) {
            i++;
        }
        return i < c.length && c[i] == '(';
    }

    /** Whether {@code text} has a raw string's {@code r} at {@code at}. */
    static boolean rawPrefix(String text, int at) {
        char r = text.charAt(at);
        return (r == 'r' || r == 'R') && (at == 0 || !SourceText.isWordPart(text.charAt(at - 1)));
    }

    /**
     * Spark's double-quoted string {@code "..."} as a single-quoted one Calcite reads, its own
     * single quotes blanked; the translator reads the value back from the user's text ({@link #doubleQuoted}).
     */
    private static void singleQuoted(char[] c, int open, int close) {
        c[open] = '\'';
        c[close] = '\'';
        for (int k = open + 1; k < close; k++) {
            if (c[k] == '\'') {
                c[k] = ' ';
            }
        }
    }

    /** The text between the double quote at {@code open} and its closing quote, as written (escapes kept). */
    static String doubleQuoted(String text, int open) {
        char[] c = text.toCharArray();
        int end = skipQuoted(c, open, false);
        return text.substring(open + 1, Math.max(open + 1, end - 1));
    }

    private static int skipQuoted(char[] c, int i, boolean raw) {
        char q = c[i++];
        while (i < c.length) {
            if (c[i] == '\\' && q != '`' && !raw) {
                i += 2;
            } else if (c[i] == q) {
                if (i + 1 < c.length && c[i + 1] == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }
}
