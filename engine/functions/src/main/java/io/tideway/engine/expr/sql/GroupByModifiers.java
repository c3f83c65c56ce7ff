package io.tideway.engine.expr.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark's MySQL-style {@code GROUP BY a, b WITH ROLLUP} and {@code WITH CUBE}, which Calcite's
 * grammar lacks: the two words are blanked ({@link SparkClauses}), and {@link #all} tells the
 * planner where each was, so that it reads the GROUP BY list before it as {@code ROLLUP(a, b)}
 * ({@code CUBE(a, b)}), as Spark's parser does. Stateless.
 */
public final class GroupByModifiers {
    private GroupByModifiers() {
    }

    /** {@code WITH ROLLUP} or {@code WITH CUBE} at {@code [start, end)}; {@code rollup} false for CUBE. */
    public record Modifier(int start, int end, boolean rollup) {
    }

    /** The query's modifiers, in order. */
    public static List<Modifier> all(String query) {
        SqlTokens t = SqlTokens.of(query);
        List<Modifier> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.isWord(i, "WITH") && (t.isWord(i + 1, "ROLLUP") || t.isWord(i + 1, "CUBE"))
                    && !t.isSymbol(i + 2, "(") && !t.isWord(i + 2, "AS")) {
                out.add(new Modifier(t.get(i).start(), t.get(i + 1).end(), t.isWord(i + 1, "ROLLUP")));
            }
        }
        return out;
    }

    /** Blanks every modifier in {@code c} (the text Calcite will read). */
    static void hide(String query, char[] c) {
        for (Modifier m : all(query)) {
            for (int k = m.start(); k < m.end(); k++) {
                if (query.charAt(k) != '\n') {
                    c[k] = ' ';
                }
            }
        }
    }
}
