package io.tideway.engine.expr.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Origin;
import io.tideway.sql.AnalysisException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.impl.ParseException;
import org.apache.calcite.sql.parser.impl.Token;

import java.util.Map;

/**
 * Throws the {@link io.tideway.sql.catalyst.parser.ParseException}s {@code expr()} and {@code sql()}
 * raise for text they cannot read, in Spark 4.0's wording: {@code [PARSE_SYNTAX_ERROR] Syntax error at or near '*'.
 * SQLSTATE: 42601 (line 1, pos 3)} followed by the text and a caret line. Positions are Spark's:
 * 1-based line, 0-based position within the line, in the user's text. Stateless.
 */
public final class SyntaxErrors {
    private SyntaxErrors() {
    }

    /** Translates Calcite's parse failure, pointing at the last token Calcite looked at. */
    public static RuntimeException fromCalcite(SqlParseException e, SourceText src) {
        if (e.getCause() instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            Token last = null;
            for (Token t : lookahead(pe)) {
                last = t;
            }
            // Spark puts "end of input" after the last character; Calcite's end token sits on it
            int offset = last.kind == 0 ? src.original().length() : src.originalOffset(last.beginLine, last.beginColumn);
            String near = last.kind == 0 ? null : unescaped(last.image, src, offset);
            String hint = expects(pe, ")") && openParentheses(src.original(), offset) > 0
                    ? closesNext(src.original(), offset, near) ? ": extra input '" + near + "'" : ": missing ')'"
                    : extraLastToken(pe, last, src, offset) ? ": extra input '" + near + "'" : "";
            int open = ")".equals(near) ? emptyInList(src.original(), offset) : -1;
            if (open >= 0) { // IN (): Spark's parser finds no alternative at the '(' where its choice began
                return at(src, open, "(", "", e);
            }
            return at(src, offset, near, hint, e);
        }
        SqlParserPos pos = e.getPos();
        int offset = pos == null ? src.original().length() : src.originalOffset(pos.getLineNum(), pos.getColumnNum());
        int wordEnd = src.wordEnd(offset);
        String near = offset >= src.original().length() ? null
                : src.original().substring(offset, wordEnd < 0 ? offset + 1 : wordEnd);
        return at(src, offset, near, "", e);
    }

    /** The error for Calcite stopping at {@code near}: Spark's trailing-comma refusal, else a syntax error. */
    private static RuntimeException at(SourceText src, int offset, String near, String hint, Throwable cause) {
        if (src.isQuery() && "FROM".equalsIgnoreCase(near) && previousChar(src.original(), offset) == ',') {
            throw trailingComma();
        }
        int orderedSet = "DISTINCT".equalsIgnoreCase(near) ? orderedSetCallBefore(src.original(), offset) : -1;
        if (orderedSet >= 0) {
            // Calcite's PERCENTILE_CONT/DISC syntax takes no DISTINCT; Spark's parser does, and its analysis refuses it
            throw Unchecked.raise(new AnalysisException("INVALID_WITHIN_GROUP_EXPRESSION.DISTINCT_UNSUPPORTED", Map.of(
                    "funcName", ErrorParams.id(orderedSetName(src.original(), orderedSet))), Origin.at(src.original(), orderedSet)));
        }
        return at(src.original(), offset, near, hint, cause);
    }

    private static String orderedSetName(String text, int at) {
        return text.regionMatches(true, at, "percentile_cont", 0, 15) ? "percentile_cont" : "percentile_disc";
    }

    /** The offset of {@code percentile_cont} or {@code percentile_disc} called with the '(' just before {@code offset}, or -1. */
    private static int orderedSetCallBefore(String text, int offset) {
        SqlTokens t = SqlTokens.of(text);
        for (int i = 2; i < t.size(); i++) {
            if (t.get(i).start() == offset && t.isSymbol(i - 1, "(")
                    && (t.isWord(i - 2, "percentile_cont") || t.isWord(i - 2, "percentile_disc"))) {
                return t.get(i - 2).start();
            }
        }
        return -1;
    }

    /**
     * The tokens Calcite's message shows after "Encountered": the one it stopped at and as many
     * more as its longest expected sequence; the last is an end-of-input token (kind 0) if reached.
     */
    public static Iterable<Token> lookahead(ParseException pe) {
        int max = 1;
        if (pe.expectedTokenSequences != null) {
            for (int[] seq : pe.expectedTokenSequences) {
                max = Math.max(max, seq.length);
            }
        }
        java.util.List<Token> out = new java.util.ArrayList<>(max);
        Token t = pe.currentToken.next;
        for (int i = 0; i < max && t != null; i++) {
            out.add(t);
            if (t.kind == 0) {
                break;
            }
            t = t.next;
        }
        return out;
    }

    /**
     * Throws Spark's {@code PARSE_SYNTAX_ERROR} at {@code offset}; {@code near} null means the end
     * of the input. Declared to return so callers can write {@code throw}.
     */
    public static RuntimeException at(String text, int offset, String near, Throwable cause) {
        return at(text, offset, near, "", cause);
    }

    /** As {@link #at(String, int, String, Throwable)}, with ANTLR's {@code hint} after the token ({@code : missing ')'}). */
    private static RuntimeException at(String text, int offset, String near, String hint, Throwable cause) {
        String what = near == null ? "end of input" : "'" + near + "'";
        throw Unchecked.raise(new io.tideway.sql.catalyst.parser.ParseException("PARSE_SYNTAX_ERROR",
                Map.of("error", what, "hint", hint), text, offset, cause));
    }

    /**
     * Spark's parser reads {@code SELECT a, FROM t} as selecting a column named FROM, which its
     * analyzer refuses as {@code TRAILING_COMMA_IN_SELECT} at the query's start (line 1 pos 0).
     */
    private static RuntimeException trailingComma() {
        throw Unchecked.raise(new AnalysisException("TRAILING_COMMA_IN_SELECT", Map.of(), new Origin(1, 0)));
    }

    /** Whether Calcite would have accepted {@code image} (e.g. {@code ")"}) as the next token. */
    private static boolean expects(ParseException pe, String image) {
        if (pe.expectedTokenSequences == null || pe.tokenImage == null) {
            return false;
        }
        String quoted = "\"" + image + "\"";
        for (int[] seq : pe.expectedTokenSequences) {
            if (seq.length > 0 && quoted.equals(pe.tokenImage[seq[0]])) {
                return true;
            }
        }
        return false;
    }

    /**
     * ANTLR's single-token deletion, which Spark reports as {@code extra input}: in an expression,
     * one token stands where the input could have ended, and only the end follows it.
     */
    private static boolean extraLastToken(ParseException pe, Token last, SourceText src, int offset) {
        if (src.isQuery() || last.kind == 0 || last != pe.currentToken.next || pe.expectedTokenSequences == null
                || !src.original().substring(Math.min(offset + last.image.length(), src.original().length())).isBlank()) {
            return false;
        }
        for (int[] seq : pe.expectedTokenSequences) {
            if (seq.length > 0 && seq[0] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the ')' Calcite expects comes right after the token {@code near} at {@code offset}
     * ({@code struct(i x y)}): ANTLR then deletes that one token and reports it as extra input.
     */
    private static boolean closesNext(String text, int offset, String near) {
        if (near == null) {
            return false;
        }
        String rest = text.substring(Math.min(offset + near.length(), text.length())).stripLeading();
        return rest.startsWith(")");
    }

    /** Parentheses opened and not closed before {@code offset}, outside quotes; ANTLR then offers the missing ')'. */
    private static int openParentheses(String text, int offset) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return depth;
    }

    /** The offset of the {@code (} of an empty {@code IN ()} whose {@code )} is at {@code close}, or -1. */
    private static int emptyInList(String text, int close) {
        int open = close - 1;
        while (open >= 0 && Character.isWhitespace(text.charAt(open))) {
            open--;
        }
        if (open < 0 || text.charAt(open) != '(') {
            return -1;
        }
        int end = open;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        boolean in = end >= 2 && text.regionMatches(true, end - 2, "IN", 0, 2)
                && (end == 2 || !SourceText.isWordPart(text.charAt(end - 3)));
        return in ? open : -1;
    }

    private static char previousChar(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    /** Throws Spark's {@code PARSE_EMPTY_STATEMENT} for blank {@code text}. */
    public static RuntimeException emptyStatement(String text) {
        throw Unchecked.raise(new io.tideway.sql.catalyst.parser.ParseException("PARSE_EMPTY_STATEMENT", Map.of(),
                text == null ? "" : text, 0, null));
    }

    private static String unescaped(String image, SourceText src, int offset) {
        boolean ours = image.length() > 2 && image.charAt(0) == '`' && src.isEscaped(offset);
        return ours ? image.substring(1, image.length() - 1) : image;
    }
}
