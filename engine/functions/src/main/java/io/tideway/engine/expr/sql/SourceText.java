package io.tideway.engine.expr.sql;

import java.util.Arrays;
import java.util.List;

/**
 * The text handed to {@code expr()} or {@code sql()} and the SQL statement Calcite actually
 * parses from it: {@code "SELECT " + text} for an expression, the text itself for a query, with
 * some reserved words wrapped in backticks so that Calcite reads
 * them as column names (Spark lets {@code value}, {@code timestamp}, {@code count} name columns;
 * Calcite reserves them). Maps Calcite's 1-based line/column positions in that statement back to
 * 0-based offsets in the user's text, so errors point at what the user wrote. Immutable.
 */
public final class SourceText {
    /** What {@code expr()} text is wrapped in so that Calcite parses it as a select item. */
    public static final String PREFIX = "SELECT ";

    private final String original;
    /** Text Calcite sees before the user's: {@link #PREFIX} for an expression, empty for a query. */
    private final String prefix;
    /** Original offsets of escaped words, ascending; {@code escapedEnds[i]} is exclusive. */
    private final int[] escapedStarts;
    private final int[] escapedEnds;
    private final String sql;
    private final int[] lineStarts;

    private SourceText(String original, String prefix, int[] escapedStarts, int[] escapedEnds) {
        this.original = original;
        this.prefix = prefix;
        this.escapedStarts = escapedStarts;
        this.escapedEnds = escapedEnds;
        StringBuilder b = new StringBuilder(prefix.length() + original.length() + 2 * escapedStarts.length);
        b.append(prefix);
        // Spark's operators Calcite lacks, rewritten in place (same length, so offsets are unchanged)
        // and Spark's interval literals hidden behind a placeholder word (TypedLiterals)
        String text = SparkClauses.rewrite(original, TypedLiterals.blank(original, SparkOperators.rewrite(original)),
                prefix.isEmpty());
        int at = 0;
        for (int i = 0; i < escapedStarts.length; i++) {
            b.append(text, at, escapedStarts[i]).append('`')
                    .append(text, escapedStarts[i], escapedEnds[i]).append('`');
            at = escapedEnds[i];
        }
        this.sql = b.append(text, at, text.length()).toString();
        this.lineStarts = lineStarts(sql);
    }

    /** An expression for {@code expr()}: parsed as the single item of {@code SELECT <text>}. */
    public static SourceText of(String text) {
        return withStructFieldNamesEscaped(withCallsEscaped(new SourceText(text, PREFIX, new int[0], new int[0]),
                CALLS_NAMED_LIKE_KEYWORDS));
    }

    /** {@code struct(v AS value)}: the field names backticked ({@link SparkClauses#structFieldNames}). */
    private static SourceText withStructFieldNamesEscaped(SourceText src) {
        for (int at : SparkClauses.structFieldNames(src.original)) {
            src = src.isEscaped(at) ? src : src.escape(at, src.wordEnd(at));
        }
        return src;
    }

    /** Calcite's keywords and special forms that are also Spark functions taking plain arguments. */
    private static final String[] CALLS_NAMED_LIKE_KEYWORDS = {"like", "ilike", "rlike", "trim", "overlay", "substring",
        "position", "first", "last", "any", "exists", "filter"};
    /**
     * The aggregates among them, which a query's select list calls too: Calcite reads {@code first(x)}
     * as its MATCH_RECOGNIZE navigation and {@code any} as a quantifier.
     */
    private static final String[] AGGREGATES_NAMED_LIKE_KEYWORDS = {"first", "last", "any"};

    /**
     * Spark's functions named like Calcite's keywords or special forms, called with plain
     * arguments ({@code like(s, 'a%')}, {@code trim(s, 'x')}, {@code overlay(s, 'x', 2)}),
     * backticked so Calcite reads them as calls; {@code TRIM(BOTH x FROM s)} and the other
     * keyword forms are left to Calcite's grammar.
     */
    private static SourceText withCallsEscaped(SourceText src, String[] words) {
        String t = src.original;
        for (String word : words) {
            int from = 0;
            for (int at = indexOfIgnoreCase(t, word + "(", from); at >= 0; at = indexOfIgnoreCase(t, word + "(", from)) {
                from = at + word.length();
                boolean wordStart = at == 0 || !isWordPart(t.charAt(at - 1)) && t.charAt(at - 1) != '`';
                if (wordStart && !hasKeywordArguments(t, from)) {
                    src = src.escape(at, at + word.length());
                }
            }
        }
        return withDateUnitFormsEscaped(src);
    }

    /** The units Spark's grammar takes in {@code timestampadd}/{@code timestampdiff} and their aliases. */
    static final java.util.Set<String> DATETIME_UNITS = java.util.Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY",
            "DAYOFYEAR", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND");

    /**
     * Spark's {@code dateadd(UNIT, n, ts)} and {@code date_add(UNIT, n, ts)} (its timestampadd) and
     * {@code datediff(UNIT, a, b)}, {@code date_diff(UNIT, a, b)} (timestampdiff), which Calcite reads only as a call: the unit keyword backticked, so that the translator finds it
     * as a name. Forms Spark's grammar does not take are left for the translator to refuse as Spark
     * does: {@code timestampadd} with a quoted unit or without three arguments, the Java-only
     * {@code timestamp_add}/{@code timestamp_diff}, {@code date_diff}, whose arguments Calcite's own
     * DATE_DIFF grammar takes in another order, and {@code date_trunc} without two arguments, all read as plain calls.
     */
    private static SourceText withDateUnitFormsEscaped(SourceText src) {
        String t = src.original;
        for (String word : new String[] {"dateadd", "date_add", "timestampadd", "timestampdiff", "timestamp_add",
            "timestamp_diff", "date_diff", "datediff", "date_trunc"}) {
            int from = 0;
            for (int at = indexOfIgnoreCase(t, word + "(", from); at >= 0; at = indexOfIgnoreCase(t, word + "(", from)) {
                from = at + word.length();
                if (at > 0 && (isWordPart(t.charAt(at - 1)) || t.charAt(at - 1) == '`')) {
                    continue;
                }
                List<int[]> args = arguments(t, from);
                int[] first = args.isEmpty() ? null : args.get(0);
                boolean unitWord = first != null && wordEnd(t, first[0]) == first[1];
                boolean unit = unitWord && DATETIME_UNITS.contains(t.substring(first[0], first[1]).toUpperCase(java.util.Locale.ROOT));
                switch (word) {
                    case "dateadd", "date_add" -> {
                        if (unit && args.size() == 3) {
                            src = src.escape(first[0], first[1]);
                        }
                    }
                    case "timestamp_add", "timestamp_diff" -> {
                        if (unitWord) {
                            src = src.escape(first[0], first[1]);
                        }
                    }
                    case "date_trunc" -> { // Calcite's DATE_TRUNC grammar takes two arguments; Spark reports others as WRONG_NUM_ARGS
                        if (args.size() != 2) {
                            src = src.escape(at, at + word.length());
                        }
                    }
                    case "date_diff", "datediff" -> { // Calcite's DATE_DIFF grammar is BigQuery's (date, date, unit)
                        if (word.equals("date_diff")) {
                            src = src.escape(at, at + word.length());
                        }
                        if (unit && args.size() == 3) {
                            src = src.escape(first[0], first[1]);
                        }
                    }
                    default -> { // timestampadd, timestampdiff
                        boolean quoted = first != null && (t.charAt(first[0]) == '\'' || t.charAt(first[0]) == '"');
                        if (args.size() != 3 || quoted) {
                            src = src.escape(at, at + word.length());
                            if (unitWord) {
                                src = src.escape(first[0], first[1]);
                            }
                        }
                    }
                }
            }
        }
        return src;
    }

    /** The top-level arguments of the call whose {@code (} is at {@code open}: [start, end) each, blanks trimmed. */
    private static List<int[]> arguments(String t, int open) {
        List<int[]> out = new java.util.ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = t.indexOf(c, i + 1);
                i = close < 0 ? t.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' || c == ',' && depth == 1) {
                if (c == ')' && --depth > 0) {
                    continue;
                }
                int a = start;
                int b = i;
                while (a < b && Character.isWhitespace(t.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
                    b--;
                }
                if (b > a || c == ',' || !out.isEmpty()) {
                    out.add(new int[] {a, b});
                }
                start = i + 1;
                if (c == ')') {
                    return out;
                }
            }
        }
        return out;
    }

    private static int wordEnd(String t, int offset) {
        if (offset >= t.length() || !isWordStart(t.charAt(offset))) {
            return -1;
        }
        int end = offset + 1;
        while (end < t.length() && isWordPart(t.charAt(end))) {
            end++;
        }
        return end;
    }

    private static final java.util.Set<String> ARGUMENT_KEYWORDS = java.util.Set.of("FROM", "FOR", "PLACING", "IN",
            "BOTH", "LEADING", "TRAILING");

    /** Whether the parenthesised arguments at {@code open} use SQL's keyword syntax (FROM, PLACING, IN...). */
    private static boolean hasKeywordArguments(String t, int open) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'' || c == '"') {
                int close = t.indexOf(c, i + 1);
                i = close < 0 ? t.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    return false;
                }
            } else if (depth == 1 && isWordStart(c) && (i == 0 || !isWordPart(t.charAt(i - 1)))) {
                int end = i;
                while (end < t.length() && isWordPart(t.charAt(end))) {
                    end++;
                }
                if (ARGUMENT_KEYWORDS.contains(t.substring(i, end).toUpperCase(java.util.Locale.ROOT))) {
                    return true;
                }
                i = end - 1;
            }
        }
        return false;
    }

    private static int indexOfIgnoreCase(String s, String part, int from) {
        for (int i = from; i + part.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }

    /** A whole query for {@code sql()}: parsed as written. */
    public static SourceText ofQuery(String text) {
        SourceText src = withStructFieldNamesEscaped(withCallsEscaped(new SourceText(text, "", new int[0], new int[0]),
                AGGREGATES_NAMED_LIKE_KEYWORDS));
        for (int at : SparkClauses.callsNamedLikeKeywords(text)) { // exists(arr, x -> ...), filter(arr, x -> ...)
            src = src.isEscaped(at) ? src : src.escape(at, src.wordEnd(at));
        }
        return src.withoutEscapesIn(FromClauseForms.tableFunctions(text));
    }

    /**
     * A copy without the escapes inside the table function calls {@code calls}, which Calcite sees
     * as one placeholder name (each call is parsed alone, with its own escapes).
     */
    private SourceText withoutEscapesIn(List<FromClauseForms.TableFunction> calls) {
        int kept = 0;
        int[] starts = new int[escapedStarts.length];
        int[] ends = new int[escapedEnds.length];
        for (int i = 0; i < escapedStarts.length; i++) {
            int at = escapedStarts[i];
            if (calls.stream().noneMatch(f -> at >= f.start() && at < f.end())) {
                starts[kept] = at;
                ends[kept++] = escapedEnds[i];
            }
        }
        return kept == starts.length ? this : new SourceText(original, prefix, Arrays.copyOf(starts, kept), Arrays.copyOf(ends, kept));
    }

    /** Whether this is a whole query for {@code sql()} rather than an expression. */
    public boolean isQuery() {
        return prefix.isEmpty();
    }

    public String original() {
        return original;
    }

    /** The statement to hand to Calcite. */
    public String sql() {
        return sql;
    }

    /** A copy that also backticks the word at original offsets {@code [start, end)}. */
    public SourceText escape(int start, int end) {
        int i = -Arrays.binarySearch(escapedStarts, start) - 1;
        int[] starts = new int[escapedStarts.length + 1];
        int[] ends = new int[starts.length];
        System.arraycopy(escapedStarts, 0, starts, 0, i);
        System.arraycopy(escapedEnds, 0, ends, 0, i);
        starts[i] = start;
        ends[i] = end;
        System.arraycopy(escapedStarts, i, starts, i + 1, escapedStarts.length - i);
        System.arraycopy(escapedEnds, i, ends, i + 1, escapedEnds.length - i);
        return new SourceText(original, prefix, starts, ends);
    }

    public boolean isEscaped(int originalStart) {
        return Arrays.binarySearch(escapedStarts, originalStart) >= 0;
    }

    /** The 0-based offset in the user's text of Calcite's 1-based (line, column). */
    public int originalOffset(int line, int column) {
        int l = Math.max(1, Math.min(line, lineStarts.length));
        int rewritten = Math.min(lineStarts[l - 1] + Math.max(column, 1) - 1, sql.length()) - prefix.length();
        if (rewritten < 0) {
            return 0;
        }
        int shift = 0;
        for (int i = 0; i < escapedStarts.length; i++) {
            int open = escapedStarts[i] + shift;
            if (rewritten <= open) {
                break;
            }
            int close = escapedEnds[i] + shift + 1;
            if (rewritten <= close) {
                return Math.min(Math.max(rewritten - shift - 1, escapedStarts[i]), escapedEnds[i]);
            }
            shift += 2;
        }
        return Math.min(rewritten - shift, original.length());
    }

    /** The end (exclusive) of the bare word starting at {@code offset}, or -1 if none starts there. */
    public int wordEnd(int offset) {
        if (offset >= original.length() || !isWordStart(original.charAt(offset))) {
            return -1;
        }
        int end = offset + 1;
        while (end < original.length() && isWordPart(original.charAt(end))) {
            end++;
        }
        return end;
    }

    public static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    public static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int[] lineStarts(String s) {
        int lines = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        int[] starts = new int[lines];
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }
}
