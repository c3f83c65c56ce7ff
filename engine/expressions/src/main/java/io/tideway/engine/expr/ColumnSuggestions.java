package io.tideway.engine.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The columns an {@code UNRESOLVED_COLUMN} error proposes, as Spark's analyzer orders them
 * ({@code StringUtils.orderSuggestedIdentifiersBySimilarity}): each candidate backticked
 * ({@code `signal`}), sorted stably by its Levenshtein distance to the unknown name as Spark
 * prints it (quoted only where needed), at most {@link #MAX} of them. Stateless.
 */
public final class ColumnSuggestions {
    /** Spark's {@code unresolvedAttributeError} proposes the first five. */
    static final int MAX = 5;

    private ColumnSuggestions() {
    }

    /** The candidates, quoted, nearest to {@code name} first; an empty list when there are none. */
    public static List<String> ordered(String name, String[] candidates) {
        List<String> quoted = new ArrayList<>(candidates.length);
        for (String c : candidates) {
            quoted.add(quote(c));
        }
        return orderedQuoted(name, quoted);
    }

    /**
     * As {@link #ordered}, for candidates already quoted part by part: a qualified name's
     * ({@code a.nope}) candidates are the columns with their qualifiers ({@code `a`.`id`}).
     */
    public static List<String> orderedQuoted(String name, List<String> candidates) {
        String base = sqlName(name);
        List<String> quoted = new ArrayList<>(candidates);
        quoted.sort(Comparator.comparingInt(c -> levenshtein(c, base))); // List.sort is stable
        return quoted.subList(0, Math.min(MAX, quoted.size()));
    }

    /** Spark's {@code UnresolvedAttribute.sql}: each dotted part backticked only if it needs it. */
    static String sqlName(String name) {
        StringBuilder b = new StringBuilder(name.length() + 2);
        for (String part : name.split("\\.", -1)) {
            boolean plain = part.matches("[a-zA-Z0-9_]+") && !part.matches("\\d+");
            b.append(b.isEmpty() ? "" : ".").append(plain ? part : quote(part));
        }
        return b.toString();
    }

    public static String quote(String part) {
        return "`" + part.replace("`", "``") + "`";
    }

    /** Edits (insert, delete, substitute one character) turning {@code a} into {@code b}; case-sensitive. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
