package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A number format of {@code to_number}/{@code try_to_number} read into Spark's tokens
 * ({@code ToNumberParser.formatTokens}): digit runs ({@code 0} exact before the point, else at
 * most as many), grouped with their thousands separators into digit groups, the decimal point
 * ({@code .}/{@code D}), {@code $}, {@code S}, {@code MI}, and {@code PR} as an opening bracket
 * first and a closing one last. The format is upper-cased first, as Spark does. It gives the
 * result's decimal precision and scale, and Spark's {@code INVALID_FORMAT} check of the format.
 * Immutable.
 */
final class NumberFormatPattern {
    /** The kinds of token; a digit run's count is in {@link Token#digits}. */
    enum Kind { EXACT_DIGITS, AT_MOST_DIGITS, POINT, SEPARATOR, DOLLAR, SIGN, MINUS, OPEN, CLOSE, INVALID, GROUP }

    /**
     * One token. A {@link Kind#GROUP} holds its digit runs and separators, and its digit runs alone,
     * both last first (Spark reverses them so that leading optional digits can be skipped); an
     * {@link Kind#INVALID} token its character.
     */
    record Token(Kind kind, int digits, char invalid, List<Token> parts, List<Token> runs) {
        static Token of(Kind kind) {
            return new Token(kind, 0, ' ', List.of(), List.of());
        }

        /** Spark's name of the token in {@code INVALID_FORMAT} messages. */
        String shown() {
            return switch (kind) {
                case GROUP, EXACT_DIGITS, AT_MOST_DIGITS -> "digit sequence";
                case POINT -> ". or D";
                case SEPARATOR -> ", or G";
                case DOLLAR -> "$";
                case SIGN -> "S";
                case MINUS -> "MI";
                case OPEN, CLOSE -> "PR";
                // Spark's message has the stray quote
                case INVALID -> "character '" + invalid + "''";
            };
        }
    }

    private final String format;
    private final List<Token> tokens;
    private final int precision;
    private final int scale;

    NumberFormatPattern(String format) {
        this.format = format.toUpperCase(java.util.Locale.ROOT);
        this.tokens = group(tokenize(this.format));
        int digits = 0;
        int after = 0;
        boolean point = false;
        for (Token t : tokens) {
            point |= t.kind() == Kind.POINT;
            int n = t.kind() == Kind.GROUP ? t.runs().stream().mapToInt(Token::digits).sum() : 0;
            digits += n;
            after += point ? n : 0;
        }
        this.precision = digits;
        this.scale = after;
    }

    /** The upper-cased format, as Spark's messages show it. */
    String format() {
        return format;
    }

    List<Token> tokens() {
        return tokens;
    }

    int precision() {
        return precision;
    }

    int scale() {
        return scale;
    }

    private static List<Token> tokenize(String f) {
        List<Token> t = new ArrayList<>();
        boolean point = false;
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (c == '0' || c == '9') {
                int start = i;
                do {
                    i++;
                } while (i < f.length() && (f.charAt(i) == '0' || f.charAt(i) == '9'));
                Kind k = c == '0' && !point ? Kind.EXACT_DIGITS : Kind.AT_MOST_DIGITS;
                t.add(new Token(k, i - start, ' ', List.of(), List.of()));
                continue;
            }
            boolean pair = i < f.length() - 1;
            if (c == '.' || c == 'D') {
                t.add(Token.of(Kind.POINT));
                point = true;
            } else if (c == ',' || c == 'G') {
                t.add(Token.of(Kind.SEPARATOR));
            } else if (c == '$') {
                t.add(Token.of(Kind.DOLLAR));
            } else if (c == 'S') {
                t.add(Token.of(Kind.SIGN));
            } else if (c == 'M' && pair && f.charAt(i + 1) == 'I') {
                t.add(Token.of(Kind.MINUS));
                i++;
            } else if (c == 'P' && pair && f.charAt(i + 1) == 'R') {
                t.add(0, Token.of(Kind.OPEN));
                t.add(Token.of(Kind.CLOSE));
                i++;
            } else {
                t.add(new Token(Kind.INVALID, 0, c, List.of(), List.of()));
            }
            i++;
        }
        return t;
    }

    /** Each run of digits and separators as one group, its parts last first. */
    private static List<Token> group(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        List<Token> parts = new ArrayList<>();
        List<Token> runs = new ArrayList<>();
        for (Token t : tokens) {
            boolean digits = t.kind() == Kind.EXACT_DIGITS || t.kind() == Kind.AT_MOST_DIGITS;
            if (digits || t.kind() == Kind.SEPARATOR) {
                parts.add(0, t);
                if (digits) {
                    runs.add(0, t);
                }
                continue;
            }
            if (!parts.isEmpty()) {
                out.add(new Token(Kind.GROUP, 0, ' ', List.copyOf(parts), List.copyOf(runs)));
                parts.clear();
                runs.clear();
            }
            out.add(t);
        }
        if (!parts.isEmpty()) {
            out.add(new Token(Kind.GROUP, 0, ' ', List.copyOf(parts), List.copyOf(runs)));
        }
        return out;
    }

    /**
     * Spark's check of the format ({@code ToNumberParser.checkInputDataTypes}): the
     * {@code INVALID_FORMAT} subclass and its parameters, or null for a valid format.
     */
    Map.Entry<String, Map<String, String>> problem() {
        String shown = ErrorParams.value(format);
        int dollar = indexOf(Kind.DOLLAR);
        int digit = indexOf(Kind.GROUP);
        int point = indexOf(Kind.POINT);
        if (format.isEmpty()) {
            return Map.entry("EMPTY", Map.of("format", shown));
        }
        if (digit < 0) {
            return Map.entry("WRONG_NUM_DIGIT", Map.of("format", shown));
        }
        if (digit < dollar) {
            return Map.entry("CUR_MUST_BEFORE_DIGIT", Map.of("format", shown));
        }
        if (point != -1 && point < dollar) {
            return Map.entry("CUR_MUST_BEFORE_DEC", Map.of("format", shown));
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token g = tokens.get(i);
            if (g.kind() != Kind.GROUP) {
                continue;
            }
            if (point == -1 || i < point) {
                List<Token> p = g.parts();
                for (int j = 0; j < p.size(); j++) {
                    if (p.get(j).kind() == Kind.SEPARATOR && (j == 0 || j == p.size() - 1
                            || p.get(j - 1).kind() == Kind.SEPARATOR || p.get(j + 1).kind() == Kind.SEPARATOR)) {
                        return Map.entry("CONT_THOUSANDS_SEPS", Map.of("format", shown));
                    }
                }
            }
        }
        for (int i = point + 1; point != -1 && i < tokens.size(); i++) {
            Token g = tokens.get(i);
            if (g.kind() == Kind.GROUP && g.parts().size() > g.runs().size()) {
                return Map.entry("THOUSANDS_SEPS_MUST_BEFORE_DEC", Map.of("format", shown));
            }
        }
        for (Kind once : new Kind[] {Kind.POINT, Kind.SIGN, Kind.MINUS, Kind.DOLLAR, Kind.CLOSE}) {
            if (tokens.stream().filter(t -> t.kind() == once).count() > 1) {
                return Map.entry("WRONG_NUM_TOKEN", Map.of("token", Token.of(once).shown(), "format", shown));
            }
        }
        // the order Spark allows: [PR] [MI|S] [$] [digits] [.] [digits] [$] [PR|MI|S]
        Kind[][] allowed = {{Kind.OPEN}, {Kind.MINUS, Kind.SIGN}, {Kind.DOLLAR}, {Kind.GROUP}, {Kind.POINT},
            {Kind.GROUP}, {Kind.DOLLAR}, {Kind.MINUS, Kind.SIGN, Kind.CLOSE}};
        int next = 0;
        for (Kind[] kinds : allowed) {
            if (next < tokens.size() && java.util.Arrays.asList(kinds).contains(tokens.get(next).kind())) {
                next++;
            }
        }
        if (next < tokens.size()) {
            return Map.entry("UNEXPECTED_TOKEN", Map.of("token", tokens.get(next).shown(), "format", shown));
        }
        return null;
    }

    private int indexOf(Kind kind) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
