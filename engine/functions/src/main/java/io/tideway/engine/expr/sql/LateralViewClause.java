package io.tideway.engine.expr.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code LATERAL VIEW [OUTER] gen(...) table [AS] c1, c2} clause of a query, as Spark's grammar
 * reads it, found over the query's tokens ({@link SqlTokens}); {@link SparkClauses} blanks the
 * clauses before Calcite parses the query, and the query translator applies them. Immutable.
 *
 * @param clauseStart where the clause starts (its {@code LATERAL})
 * @param outer       whether it is {@code OUTER}
 * @param function    the generator's name as written
 * @param callStart   where the generator's call starts
 * @param callEnd     where it ends (exclusive)
 * @param table       the table's name, which may qualify the columns
 * @param columns     the columns' names, empty for the generator's own
 */
public record LateralViewClause(int clauseStart, boolean outer, String function, int callStart, int callEnd,
                                String table, List<String> columns) {
    /** Words that end a LATERAL VIEW's column list (and a generator's multi-alias). */
    private static final Set<String> CLAUSE_WORDS = Set.of("WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET",
            "LATERAL", "WINDOW", "CLUSTER", "DISTRIBUTE", "SORT", "UNION", "EXCEPT", "INTERSECT", "MINUS", "JOIN",
            "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "QUALIFY", "FETCH");

    /** The query's LATERAL VIEW clauses, in order. */
    public static List<LateralViewClause> all(String query) {
        SqlTokens t = SqlTokens.of(query);
        List<LateralViewClause> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            LateralViewClause v = at(t, i, null);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** The {@code [start, end)} offsets of every clause. */
    static List<int[]> spans(SqlTokens t) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            int[] span = new int[2];
            if (at(t, i, span) != null) {
                out.add(span);
            }
        }
        return out;
    }

    /** Whether token {@code i} is a word that starts another clause. */
    static boolean isClauseWord(SqlTokens t, int i) {
        return t.get(i).kind() == SqlTokens.Kind.WORD && CLAUSE_WORDS.contains(t.image(i).toUpperCase(Locale.ROOT));
    }

    /** The clause starting at token {@code i}, or null; {@code span} receives its offsets. */
    private static LateralViewClause at(SqlTokens t, int i, int[] span) {
        if (!t.isWord(i, "LATERAL") || !t.isWord(i + 1, "VIEW")) {
            return null;
        }
        int k = i + 2;
        boolean outer = t.isWord(k, "OUTER") && t.isName(k + 1) && t.isSymbol(k + 2, "(");
        k += outer ? 1 : 0;
        if (!t.isName(k) || !t.isSymbol(k + 1, "(")) {
            return null;
        }
        int close = t.closing(k + 1, "(", ")");
        if (close < 0 || !t.isName(close + 1) || isClauseWord(t, close + 1)) {
            return null;
        }
        int last = close + 1;
        int next = close + 2;
        boolean as = t.isWord(next, "AS");
        next += as ? 1 : 0;
        List<String> columns = new ArrayList<>();
        while (t.isName(next) && !isClauseWord(t, next)) {
            columns.add(t.name(next));
            last = next;
            if (!t.isSymbol(next + 1, ",")) {
                break;
            }
            next += 2;
        }
        if (as && columns.isEmpty()) {
            return null;
        }
        if (span != null) {
            span[0] = t.get(i).start();
            span[1] = t.get(last).end();
        }
        return new LateralViewClause(t.get(i).start(), outer, t.name(k), t.get(k).start(), t.get(close).end(),
                t.name(close + 1), List.copyOf(columns));
    }
}
