package io.tideway.engine.expr.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark's FROM-clause forms that Calcite's grammar lacks, found over the tokens of a query
 * ({@link SqlTokens}) and hidden from Calcite at the same offsets ({@link SparkClauses}):
 * <ul>
 *   <li>{@code LEFT SEMI JOIN}, {@code LEFT ANTI JOIN}, {@code SEMI JOIN}, {@code ANTI JOIN}: the
 *       words before {@code JOIN} are blanked, so Calcite reads an inner join, and
 *       {@link #semiJoins} tells the planner which joins were semi or anti, by the offset of their
 *       {@code JOIN};</li>
 *   <li>a table function {@code name(...)} after {@code FROM}, {@code JOIN} or {@code LATERAL}
 *       (Calcite's grammar takes few argument forms there): it becomes a placeholder name at its
 *       first offset, LATERAL is blanked, and {@link #tableFunctions} gives the planner the call's
 *       offsets to parse;</li>
 *   <li>an inline table {@code VALUES (1, 'a'), (2, 'b')} after {@code FROM} or {@code JOIN}: it
 *       becomes a placeholder name at its first offset ({@code T______}), and
 *       {@link #inlineTables} gives the planner each row's offsets to parse.</li>
 * </ul>
 * Stateless.
 */
public final class FromClauseForms {
    private FromClauseForms() {
    }

    /** A semi or anti join: the offset of its {@code JOIN} word and the Dataset join type. */
    public record SemiJoin(int joinOffset, String joinType) {
    }

    /**
     * An inline table: the offset its placeholder name starts at, and each row's
     * {@code [start, end)} offsets inside its parentheses.
     */
    public record InlineTable(int start, List<int[]> rows) {
    }

    /** The query's semi and anti joins, in order. */
    public static List<SemiJoin> semiJoins(String query) {
        SqlTokens t = SqlTokens.of(query);
        List<SemiJoin> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            String type = semiJoinAt(t, i);
            if (type != null) {
                out.add(new SemiJoin(t.get(i + 1).start(), type));
            }
        }
        return out;
    }

    /** A table function's call in FROM, {@code [start, end)}: its name, then its arguments in parentheses. */
    public record TableFunction(int start, int end) {
    }

    /** The query's table function calls, in order. */
    public static List<TableFunction> tableFunctions(String query) {
        SqlTokens t = SqlTokens.of(query);
        List<TableFunction> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            TableFunction f = tableFunctionAt(t, i);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** The query's inline tables, in order. */
    public static List<InlineTable> inlineTables(String query) {
        SqlTokens t = SqlTokens.of(query);
        List<InlineTable> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            InlineTable v = inlineTableAt(t, i, null);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** Hides every form in {@code c} (the text Calcite will read), keeping line breaks. */
    static void hide(SqlTokens t, String original, char[] c) {
        for (int i = 0; i < t.size(); i++) {
            if (semiJoinAt(t, i) != null) {
                int from = t.isWord(i - 1, "LEFT") ? t.get(i - 1).start() : t.get(i).start();
                blank(c, original, from, t.get(i).end());
            }
            TableFunction f = tableFunctionAt(t, i);
            if (f != null) {
                if (t.isWord(i - 1, "LATERAL")) {
                    blank(c, original, t.get(i - 1).start(), t.get(i - 1).end());
                }
                placeholder(c, original, f.start(), f.end());
            }
            int[] end = new int[1];
            InlineTable v = inlineTableAt(t, i, end);
            if (v != null) {
                placeholder(c, original, v.start(), end[0]);
            }
        }
    }

    /**
     * The table function whose name is token {@code i}, or null: a name and its parenthesized
     * arguments right after FROM, JOIN or LATERAL (not {@code VALUES (...)}, {@code TABLE(...)},
     * {@code LATERAL (SELECT ...)}).
     */
    private static TableFunction tableFunctionAt(SqlTokens t, int i) {
        if (t.get(i).kind() != SqlTokens.Kind.WORD || !t.isSymbol(i + 1, "(") || t.isWord(i, "VALUES") || t.isWord(i, "TABLE")
                || t.isWord(i, "LATERAL")
                || !(t.isWord(i - 1, "FROM") || t.isWord(i - 1, "JOIN") || t.isWord(i - 1, "LATERAL"))
                || !inQueryBlock(t, i - 1)) {
            return null;
        }
        int close = t.closing(i + 1, "(", ")");
        return close < 0 ? null : new TableFunction(t.get(i).start(), t.get(close).end());
    }

    /**
     * Whether token {@code i} lies directly in a query block (at the top, or in parentheses that
     * open with SELECT or WITH), not among a call's arguments, as the FROM of {@code trim(BOTH FROM s)}.
     */
    private static boolean inQueryBlock(SqlTokens t, int i) {
        int depth = 0;
        for (int k = i - 1; k >= 0; k--) {
            if (t.isSymbol(k, ")")) {
                depth++;
            } else if (t.isSymbol(k, "(") && depth-- == 0) {
                return t.isWord(k + 1, "SELECT") || t.isWord(k + 1, "WITH");
            }
        }
        return true;
    }

    /** {@code left_semi} or {@code left_anti} when token {@code i} is the SEMI or ANTI of such a join, else null. */
    private static String semiJoinAt(SqlTokens t, int i) {
        if (!t.isWord(i + 1, "JOIN")) {
            return null;
        }
        return t.isWord(i, "SEMI") ? "left_semi" : t.isWord(i, "ANTI") ? "left_anti" : null;
    }

    /** The inline table whose VALUES is token {@code i}, or null; {@code end[0]} receives its end offset. */
    private static InlineTable inlineTableAt(SqlTokens t, int i, int[] end) {
        if (!t.isWord(i, "VALUES") || !(t.isWord(i - 1, "FROM") || t.isWord(i - 1, "JOIN")) || !t.isSymbol(i + 1, "(")) {
            return null;
        }
        List<int[]> rows = new ArrayList<>();
        int k = i + 1;
        while (true) {
            int close = t.closing(k, "(", ")");
            if (close < 0) {
                return null;
            }
            rows.add(new int[] {t.get(k).end(), t.get(close).start()});
            if (!t.isSymbol(close + 1, ",") || !t.isSymbol(close + 2, "(")) {
                if (end != null) {
                    end[0] = t.get(close).end();
                }
                return new InlineTable(t.get(i).start(), rows);
            }
            k = close + 2;
        }
    }

    /** {@code [from, to)} as a name Calcite reads as a table ({@code T______}), up to its first line break. */
    private static void placeholder(char[] c, String original, int from, int to) {
        blank(c, original, from, to);
        c[from] = 'T';
        for (int k = from + 1; k < to && original.charAt(k) != '\n'; k++) {
            c[k] = '_';
        }
    }

    private static void blank(char[] c, String original, int from, int to) {
        for (int k = from; k < to; k++) {
            if (original.charAt(k) != '\n') {
                c[k] = ' ';
            }
        }
    }
}
