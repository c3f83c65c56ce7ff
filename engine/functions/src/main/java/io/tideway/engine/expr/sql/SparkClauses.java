package io.tideway.engine.expr.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spark's SQL forms that Calcite's grammar lacks, found over the tokens of the user's text
 * ({@link SqlTokens}) and hidden from Calcite at the same offsets, so that positions in errors
 * stay the user's:
 * <ul>
 *   <li>{@code struct(e AS name, ...)}: the {@code AS} of a field becomes {@code OR}, Calcite's
 *       loosest binary operator, which the translator reads back as the field's alias;</li>
 *   <li>{@code CAST(x AS STRUCT<a: INT>)}, {@code ARRAY<...>}, {@code MAP<k, v>}: the type becomes
 *       a placeholder name of the same length ({@code S_______}), read back by the translator
 *       ({@link #typeAt}); Spark 4's {@code x::type} becomes an element access {@code x[____]}, as
 *       tight a postfix as Spark's, which the translator reads back as the cast;</li>
 *   <li>{@code gen(...) AS (a, b)}: a generator's column names, blanked ({@link #multiAliases});</li>
 *   <li>{@code struct(e name, ...)}: a field named without AS, the name blanked and read back by the
 *       translator ({@link #bareFieldName});</li>
 *   <li>{@code substr(s FROM 2 FOR 3)}: FROM and FOR become commas padded with spaces, and the
 *       translator names the call {@code substring} as Spark's parser does ({@link #isSubstrKeywordForm});</li>
 *   <li>in a query, {@code LATERAL VIEW [OUTER] gen(...) t [AS] a, b}, blanked
 *       ({@link LateralViewClause}), and {@code exists(arr, x -> ...)}, {@code filter(arr, x -> ...)}
 *       called as functions ({@link #callsNamedLikeKeywords}), and the FROM clause's
 *       {@code LEFT SEMI JOIN} and inline {@code VALUES} tables ({@link FromClauseForms}), and
 *       {@code GROUP BY a, b WITH ROLLUP} ({@link GroupByModifiers}).</li>
 * </ul>
 * Stateless.
 */
public final class SparkClauses {
    private static final Set<String> OPEN_TYPES = Set.of("STRUCT", "ARRAY", "MAP");

    private SparkClauses() {
    }

    /** {@code gen(...) AS (a, b)}: the names given to the expression that ends at {@code exprEnd} (exclusive). */
    public record MultiAlias(int exprEnd, List<String> names) {
    }

    /** {@code text} (already rewritten for Calcite from {@code original}) with these forms hidden. */
    static String rewrite(String original, String text, boolean query) {
        SqlTokens t = SqlTokens.of(original);
        char[] c = text.toCharArray();
        for (int i = 0; i < t.size(); i++) {
            if (t.isWord(i, "struct") && t.isSymbol(i + 1, "(") && !t.isSymbol(i - 1, ".")) {
                structAliases(t, i + 1, c);
                for (int k : bareFieldNames(t, i + 1)) {
                    for (int j = t.get(k).start(); j < t.get(k).end(); j++) {
                        c[j] = ' ';
                    }
                }
            } else if (isSubstrCall(t, i)) {
                for (int k : substrKeywords(t, i + 1)) {
                    c[t.get(k).start()] = ',';
                    for (int j = t.get(k).start() + 1; j < t.get(k).end(); j++) {
                        c[j] = ' ';
                    }
                }
            } else if (t.isSymbol(i, "::") && castable(t, i - 1)) {
                int end = colonTypeEnd(t, i + 1);
                if (end > 0 && original.substring(t.get(i).start(), end).indexOf('\n') < 0) {
                    c[t.get(i).start()] = '[';
                    for (int k = t.get(i).start() + 1; k < end - 1; k++) {
                        c[k] = '_';
                    }
                    c[end - 1] = ']';
                }
            } else if (t.isWord(i, "AS") && castAt(t, i)) {
                int end = castTypeEnd(t, i + 1);
                if (end > 0 && original.substring(t.get(i + 1).start(), end).indexOf('\n') < 0) {
                    for (int k = t.get(i + 1).start() + 1; k < end; k++) {
                        c[k] = '_';
                    }
                }
            }
        }
        for (MultiAlias m : multiAliases(t)) {
            blank(c, original, m.exprEnd, aliasEnd(t, m.exprEnd));
        }
        if (query) {
            for (int[] span : LateralViewClause.spans(t)) {
                blank(c, original, span[0], span[1]);
            }
            FromClauseForms.hide(t, original, c);
            GroupByModifiers.hide(original, c);
        }
        return new String(c);
    }

    /** Words that end an expression, so that a name after them is no field name ({@code x IS NULL}, {@code CASE ... END}). */
    private static final Set<String> NOT_FIELD_NAMES = Set.of("NULL", "TRUE", "FALSE", "END", "YEAR", "YEARS", "QUARTER",
            "MONTH", "MONTHS", "WEEK", "WEEKS", "DAY", "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS",
            "MILLISECOND", "MILLISECONDS", "MICROSECOND", "MICROSECONDS", "TO");
    /** Words after which a name starts an expression rather than naming one. */
    private static final Set<String> OPERATOR_WORDS = Set.of("AS", "AND", "OR", "NOT", "IS", "IN", "LIKE", "ILIKE", "RLIKE",
            "REGEXP", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "DISTINCT", "INTERVAL", "DIV", "ALL", "ANY", "SOME", "TO");

    /**
     * The tokens naming the fields of {@code struct(e name, ...)} without AS, directly inside the
     * parentheses opened at token {@code open}: a name right before a comma or the closing
     * parenthesis that follows the end of an expression.
     */
    private static List<Integer> bareFieldNames(SqlTokens t, int open) {
        List<Integer> out = new ArrayList<>();
        int close = t.closing(open, "(", ")");
        for (int k : t.inside(open)) {
            if (fieldName(t, k) && endsExpression(t, k - 1) && !out.contains(k - 1)
                    && (t.isSymbol(k + 1, ",") || k + 1 == close
                        // struct(i x y): Spark names the field x and fails at y, so x is the name here too
                        || fieldName(t, k + 1) && (t.isSymbol(k + 2, ",") || k + 2 == close))) {
                out.add(k);
            }
        }
        return out;
    }

    private static boolean fieldName(SqlTokens t, int k) {
        String word = t.get(k).kind() == SqlTokens.Kind.WORD ? t.image(k).toUpperCase(Locale.ROOT) : "";
        return t.isName(k) && !NOT_FIELD_NAMES.contains(word) && !OPERATOR_WORDS.contains(word);
    }

    private static boolean endsExpression(SqlTokens t, int k) {
        if (k < 0 || t.isSymbol(k, "(") || t.isSymbol(k, ",")) {
            return false;
        }
        SqlTokens.Kind kind = t.get(k).kind();
        if (kind == SqlTokens.Kind.SYMBOL) {
            return t.isSymbol(k, ")") || t.isSymbol(k, "]");
        }
        return kind != SqlTokens.Kind.WORD || !OPERATOR_WORDS.contains(t.image(k).toUpperCase(Locale.ROOT));
    }

    /**
     * The name of a {@code struct} field written without AS whose expression ends at {@code end}
     * (exclusive) of {@code original}, or null.
     */
    static String bareFieldName(String original, int end) {
        SqlTokens t = SqlTokens.of(original);
        for (int i = 0; i < t.size(); i++) {
            if (t.isWord(i, "struct") && t.isSymbol(i + 1, "(") && !t.isSymbol(i - 1, ".")) {
                for (int k : bareFieldNames(t, i + 1)) {
                    int start = t.get(k).start();
                    if (start >= end && original.substring(end, start).isBlank()) {
                        return t.name(k);
                    }
                }
            }
        }
        return null;
    }

    private static boolean isSubstrCall(SqlTokens t, int i) {
        return t.isWord(i, "substr") && t.isSymbol(i + 1, "(") && !t.isSymbol(i - 1, ".");
    }

    /** The FROM and FOR of {@code substr(s FROM pos [FOR len])} directly inside the parentheses opened at {@code open}. */
    private static List<Integer> substrKeywords(SqlTokens t, int open) {
        List<Integer> out = new ArrayList<>();
        for (int k : t.inside(open)) {
            if (out.isEmpty() ? t.isWord(k, "FROM") : out.size() == 1 && t.isWord(k, "FOR")) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Whether the call at {@code offset} of {@code original} is {@code substr(s FROM pos ...)}, which
     * Spark's grammar reads as its {@code substring} (the column is named so).
     */
    static boolean isSubstrKeywordForm(String original, int offset) {
        SqlTokens t = SqlTokens.of(original);
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).start() == offset) {
                return isSubstrCall(t, i) && !substrKeywords(t, i + 1).isEmpty();
            }
        }
        return false;
    }

    /** The {@code AS name} fields directly inside the parentheses opened at token {@code open}: AS becomes OR. */
    private static void structAliases(SqlTokens t, int open, char[] c) {
        for (int k : structAliasTokens(t, open)) {
            c[t.get(k).start()] = 'O';
            c[t.get(k).start() + 1] = 'R';
        }
    }

    /** The tokens {@code AS} of the {@code AS name} fields directly inside the parentheses opened at token {@code open}. */
    private static List<Integer> structAliasTokens(SqlTokens t, int open) {
        List<Integer> out = new ArrayList<>();
        int close = t.closing(open, "(", ")");
        for (int k : t.inside(open)) {
            if (t.isWord(k, "AS") && t.isName(k + 1)
                    && (t.isSymbol(k + 2, ",") || k + 2 == close)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The offsets of the bare names of {@code struct(e AS name)} fields, which SourceText backticks:
     * after the OR that stands for AS, Calcite would read a keyword there ({@code value}) as one.
     */
    static List<Integer> structFieldNames(String original) {
        SqlTokens t = SqlTokens.of(original);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.isWord(i, "struct") && t.isSymbol(i + 1, "(") && !t.isSymbol(i - 1, ".")) {
                for (int k : structAliasTokens(t, i + 1)) {
                    if (t.get(k + 1).kind() == SqlTokens.Kind.WORD) {
                        out.add(t.get(k + 1).start());
                    }
                }
            }
        }
        return out;
    }

    /** Whether the AS at token {@code i} is a CAST's (or TRY_CAST's) {@code AS type}. */
    private static boolean castAt(SqlTokens t, int i) {
        int depth = 0;
        for (int k = i - 1; k > 0; k--) {
            if (t.isSymbol(k, ")")) {
                depth++;
            } else if (t.isSymbol(k, "(")) {
                if (depth-- == 0) {
                    return t.isWord(k - 1, "CAST") || t.isWord(k - 1, "TRY_CAST");
                }
            }
        }
        return false;
    }

    /** The end offset of a {@code STRUCT<...>}, {@code ARRAY<...>} or {@code MAP<...>} type at token {@code i}, or -1. */
    private static int typeEnd(SqlTokens t, int i) {
        if (i >= t.size() || t.get(i).kind() != SqlTokens.Kind.WORD || !OPEN_TYPES.contains(t.image(i).toUpperCase(Locale.ROOT))
                || !t.isSymbol(i + 1, "<")) {
            return -1;
        }
        int close = t.closing(i + 1, "<", ">");
        return close < 0 ? -1 : t.get(close).end();
    }

    /** Whether token {@code i} ends a value (a name, literal, call, parenthesised expression or element). */
    private static boolean castable(SqlTokens t, int i) {
        return i >= 0 && (t.get(i).kind() != SqlTokens.Kind.SYMBOL || t.isSymbol(i, ")") || t.isSymbol(i, "]"));
    }

    /** The end offset of the type after {@code ::} at token {@code i}: a name, {@code name(...)} or a STRUCT/ARRAY/MAP; -1 for none. */
    private static int colonTypeEnd(SqlTokens t, int i) {
        int complex = typeEnd(t, i);
        if (complex > 0) {
            return complex;
        }
        if (!t.isName(i) || t.isWord(i, "INTERVAL")) {
            return -1;
        }
        if (t.isSymbol(i + 1, "(")) {
            int close = t.closing(i + 1, "(", ")");
            return close < 0 ? -1 : t.get(close).end();
        }
        return t.get(i).end();
    }

    /**
     * The end offset of a CAST's STRUCT/ARRAY/MAP type at token {@code i}: its closing {@code >}, or
     * when that is missing the CAST's closing parenthesis (so the type's own error is reported).
     */
    private static int castTypeEnd(SqlTokens t, int i) {
        int end = typeEnd(t, i);
        if (end > 0 || !t.isSymbol(i + 1, "<") || !OPEN_TYPES.contains(t.image(i).toUpperCase(Locale.ROOT))) {
            return end;
        }
        int depth = 0;
        for (int k = i + 2; k < t.size(); k++) {
            if (t.isSymbol(k, "(")) {
                depth++;
            } else if (t.isSymbol(k, ")") && depth-- == 0) {
                return t.get(k - 1).end();
            }
        }
        return -1;
    }

    /**
     * The text of the type whose placeholder starts at {@code offset} of {@code original}, or null
     * when no STRUCT/ARRAY/MAP type starts there.
     */
    static String typeAt(String original, int offset) {
        SqlTokens t = SqlTokens.of(original);
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).start() == offset) {
                int end = castTypeEnd(t, i);
                return end < 0 ? null : original.substring(offset, end);
            }
        }
        return null;
    }

    /** The {@code AS (a, b)} aliases outside any parentheses. */
    public static List<MultiAlias> multiAliases(String original) {
        return multiAliases(SqlTokens.of(original));
    }

    private static List<MultiAlias> multiAliases(SqlTokens t) {
        List<MultiAlias> out = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.isSymbol(i, "(")) {
                depth++;
            } else if (t.isSymbol(i, ")")) {
                depth--;
            } else if (depth == 0 && i > 0 && t.isWord(i, "AS") && t.isSymbol(i + 1, "(")) {
                List<String> names = new ArrayList<>();
                int k = i + 2;
                while (t.isName(k) && (t.isSymbol(k + 1, ",") || t.isSymbol(k + 1, ")"))) {
                    names.add(t.name(k));
                    k += 2;
                    if (t.isSymbol(k - 1, ")")) {
                        if (k >= t.size() || t.isSymbol(k, ",") || t.isWord(k, "FROM") || LateralViewClause.isClauseWord(t, k)) {
                            out.add(new MultiAlias(t.get(i - 1).end(), List.copyOf(names)));
                        }
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The end of the {@code AS (...)} that follows the expression ending at {@code exprEnd}. */
    private static int aliasEnd(SqlTokens t, int exprEnd) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).start() >= exprEnd && t.isSymbol(i, ")")) {
                return t.get(i).end();
            }
        }
        return t.text().length();
    }

    /**
     * The offsets of {@code exists} and {@code filter} called as Spark's higher-order functions in
     * a query: not {@code EXISTS (SELECT ...)}, nor an aggregate's {@code FILTER (WHERE ...)}.
     */
    static List<Integer> callsNamedLikeKeywords(String original) {
        SqlTokens t = SqlTokens.of(original);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (!t.isSymbol(i + 1, "(") || t.isSymbol(i - 1, ".")) {
                continue;
            }
            boolean exists = t.isWord(i, "exists") && !t.isWord(i + 2, "SELECT") && !t.isWord(i + 2, "WITH")
                    && !t.isWord(i + 2, "VALUES") && !t.isSymbol(i + 2, "(");
            boolean filter = t.isWord(i, "filter") && !t.isSymbol(i - 1, ")") && !t.isWord(i + 2, "WHERE");
            if (exists || filter) {
                out.add(t.get(i).start());
            }
        }
        return out;
    }

    /** Blanks {@code [from, to)}, keeping line breaks so Calcite's line numbers stay the user's. */
    private static void blank(char[] c, String original, int from, int to) {
        for (int k = from; k < to; k++) {
            if (original.charAt(k) != '\n') {
                c[k] = ' ';
            }
        }
    }
}
