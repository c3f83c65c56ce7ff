package io.tideway.engine.expr.fn;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.expr.fn.NumberFormatPattern.Kind;
import io.tideway.engine.expr.fn.NumberFormatPattern.Token;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads a text with a {@link NumberFormatPattern}, as Spark's {@code ToNumberParser.parse}: the
 * format's tokens are matched in order (digit groups by their sizes, whitespace inside them
 * skipped; the point, {@code $}, signs and brackets), and the digits make a decimal of the
 * format's precision and scale. A text that does not match is Spark's
 * {@code INVALID_FORMAT.MISMATCH_INPUT}, or null for {@code try_to_number}. One per call site of
 * generated code: its buffers are reused row after row, so not thread-safe.
 */
public final class NumberTextParser {
    private final NumberFormatPattern pattern;
    private final boolean errorOnFail;
    private final StringBuilder before = new StringBuilder();
    private final StringBuilder after = new StringBuilder();
    /** The decimal's text, built from the digits read. */
    private final StringBuilder text = new StringBuilder();
    /** The digit counts of the group being read, last group first. */
    private final int[] groupSizes;
    private int groups;
    private int inGroup;

    NumberTextParser(NumberFormatPattern pattern, boolean errorOnFail) {
        this.pattern = pattern;
        this.errorOnFail = errorOnFail;
        this.groupSizes = new int[pattern.format().length() + 2];
    }

    /** The text in {@code b[off, off+len)} as a decimal; null when it does not match (try_to_number). */
    public BigDecimal parse(DirectBuffer b, int off, int len) {
        return parse(StringKernels.string(b, off, len));
    }

    BigDecimal parse(String s) {
        before.setLength(0);
        after.setLength(0);
        boolean point = false;
        boolean opened = false;
        boolean closed = false;
        boolean negate = false;
        int i = 0;
        int n = s.length();
        for (Token t : pattern.tokens()) {
            int c = i < n ? s.charAt(i) : -1;
            switch (t.kind()) {
                case GROUP -> {
                    i = digitGroups(t, s, i, point);
                    if (i < 0) {
                        return mismatch(s);
                    }
                }
                case POINT -> {
                    if (c == '.') {
                        point = true;
                        i++;
                    }
                }
                case DOLLAR -> {
                    if (c == '$') {
                        i++;
                    } else if (c >= 0) {
                        return mismatch(s);
                    }
                }
                case SIGN -> {
                    if (c == '+') {
                        i++;
                    } else if (c == '-') {
                        negate = !negate;
                        i++;
                    }
                }
                case MINUS -> {
                    if (c == '-') {
                        negate = !negate;
                        i++;
                    }
                }
                case OPEN -> {
                    if (c == '<') {
                        if (opened) {
                            return mismatch(s);
                        }
                        opened = true;
                        i++;
                    }
                }
                case CLOSE -> {
                    if (c == '>') {
                        if (!opened) {
                            return mismatch(s);
                        }
                        closed = true;
                        negate = !negate;
                        i++;
                    }
                }
                default -> {
                    // a valid format has no other tokens
                }
            }
        }
        if (i < n || opened != closed) {
            return mismatch(s);
        }
        return value(negate);
    }

    /** Reads the digits and separators of one group; the index after them, or -1 if they do not fit the group. */
    private int digitGroups(Token group, String s, int start, boolean point) {
        inGroup = 0;
        groups = 0;
        int i = start;
        int n = s.length();
        while (i < n && digitOrComma(s.charAt(i), point)) {
            i++;
        }
        if (i == n) {
            push(inGroup);
        }
        List<Token> expected = group.runs();
        if (groups > expected.size()) {
            return -1; // more separators than the format has
        }
        for (int k = 0; k < expected.size(); k++) {
            Token run = expected.get(k);
            int actual = k < groups ? groupSizes[groups - 1 - k] : 0;
            if (run.kind() == Kind.EXACT_DIGITS ? actual != run.digits() : actual > run.digits()) {
                return -1;
            }
        }
        return i;
    }

    private boolean digitOrComma(char c, boolean point) {
        if (Character.isWhitespace(c)) {
            return true;
        }
        if (Character.isDigit(c)) {
            inGroup++;
            (point ? after : before).append(c);
            return true;
        }
        push(inGroup);
        if (c == ',') {
            inGroup = 0;
            return true;
        }
        return false;
    }

    /** Records a group's digit count; the newest is read first. */
    private void push(int size) {
        if (groups < groupSizes.length) {
            groupSizes[groups] = size;
        }
        groups++;
    }

    /** The decimal of the digits read, at the format's scale; Spark builds it from text, so no digits fail as Spark's does. */
    private BigDecimal value(boolean negate) {
        int scale = pattern.scale();
        text.setLength(0);
        if (negate) {
            text.append('-');
        }
        text.append(before);
        if (scale > 0 || after.length() > 0) {
            text.append('.').append(after);
            for (int k = after.length(); k < scale; k++) {
                text.append('0');
            }
        }
        return new BigDecimal(text.toString());
    }

    private BigDecimal mismatch(String s) {
        if (errorOnFail) {
            throw new SparkIllegalArgumentException("INVALID_FORMAT.MISMATCH_INPUT",
                    Map.of("inputType", "\"STRING\"", "input", s, "format", pattern.format()));
        }
        return null;
    }
}
