package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's number formats for {@code to_char}/{@code to_varchar} ({@code ToNumberParser.format}):
 * {@code 0} and {@code 9} digits (a leading {@code 0} pads with zeros, {@code 9} with blanks),
 * {@code .}/{@code D} the decimal point, {@code ,}/{@code G} grouping, {@code $}, {@code S} (sign),
 * {@code MI} (minus) and {@code PR} (angle brackets for a negative number); a number with more
 * digits than the format has becomes {@code #} for each digit. One call site's format is parsed
 * once and kept for its last pattern. Formatting allocates. Not thread-safe: one per call site of
 * generated code.
 */
public final class NumberFormatter {
    private static final char DIGITS_EXACT = '0';
    private static final char DIGITS_AT_MOST = '9';
    private static final char POINT = '.';
    private static final char GROUP = ',';
    private static final char DOLLAR = '$';
    private static final char SIGN = 'S';
    private static final char MINUS = 'M';
    private static final char OPEN = '<';
    private static final char CLOSE = '>';

    private String pattern;
    /** The format's tokens: a digit run is {@code 0} or {@code 9} then its length, others one character. */
    private List<int[]> tokens;
    private int digitsBefore;
    private int digitsAfter;

    /** Writes {@code value} in the format {@code p[off, off+len)}; returns the length. */
    public int format(BigDecimal value, DirectBuffer p, int off, int len, BytesOut out) {
        use(StringKernels.string(p, off, len));
        return out.reset().append(format(value)).length();
    }

    private void use(String p) {
        if (p.equals(pattern)) {
            return;
        }
        List<int[]> t = new ArrayList<>();
        int before = 0;
        int after = 0;
        boolean point = false;
        for (int i = 0; i < p.length(); ) {
            char c = p.charAt(i);
            if (c == '0' || c == '9') {
                int start = i;
                do {
                    i++;
                } while (i < p.length() && (p.charAt(i) == '0' || p.charAt(i) == '9'));
                // after the point every run is "at most"; before it a run starting with 0 is exact
                t.add(new int[] {c == '0' && !point ? DIGITS_EXACT : DIGITS_AT_MOST, i - start});
                if (point) {
                    after += i - start;
                } else {
                    before += i - start;
                }
                continue;
            }
            if (c == '.' || c == 'D') {
                t.add(new int[] {POINT});
                point = true;
            } else if (c == ',' || c == 'G') {
                t.add(new int[] {GROUP});
            } else if (c == '$') {
                t.add(new int[] {DOLLAR});
            } else if (c == 'S') {
                t.add(new int[] {SIGN});
            } else if (c == 'M' && i + 1 < p.length() && p.charAt(i + 1) == 'I') {
                t.add(new int[] {MINUS});
                i++;
            } else if (c == 'P' && i + 1 < p.length() && p.charAt(i + 1) == 'R') {
                t.add(0, new int[] {OPEN});
                t.add(new int[] {CLOSE});
                i++;
            }
            i++;
        }
        tokens = t;
        digitsBefore = before;
        digitsAfter = after;
        pattern = p;
    }

    private String format(BigDecimal input) {
        String plain = input.toPlainString();
        int dot = plain.indexOf('.');
        String intPart = (dot < 0 ? plain : plain.substring(0, dot)).replaceFirst("^[-0]+", "");
        String fraction = dot < 0 ? "" : plain.substring(dot + 1).replaceFirst("0+$", "");
        if (digitsBefore < intPart.length() || digitsAfter < fraction.length()) {
            intPart = "#".repeat(digitsBefore);
            fraction = "#".repeat(digitsAfter);
        }
        String before = " ".repeat(digitsBefore - intPart.length()) + intPart;
        String after = fraction + "0".repeat(digitsAfter - fraction.length());
        boolean negative = input.signum() < 0;
        StringBuilder r = new StringBuilder();
        int bi = 0;
        int ai = 0;
        boolean point = false;
        for (int[] t : tokens) {
            switch (t[0]) {
                case DIGITS_EXACT, DIGITS_AT_MOST -> {
                    for (int k = 0; k < t[1]; k++) {
                        if (point) {
                            r.append(after.charAt(ai++));
                        } else {
                            char d = before.charAt(bi++);
                            if (d != ' ') {
                                r.append(d);
                            } else if (t[0] == DIGITS_EXACT) {
                                r.append('0');
                            } else {
                                appendSpace(r);
                            }
                        }
                    }
                }
                case GROUP -> {
                    if (r.length() > 0 && Character.isDigit(r.charAt(r.length() - 1))) {
                        r.append(',');
                    } else {
                        appendSpace(r);
                    }
                }
                case POINT -> {
                    if (r.length() > 0 && r.charAt(r.length() - 1) == ' ') {
                        r.setCharAt(r.length() - 1, '0'); // no integer part
                    }
                    r.append('.');
                    point = true;
                }
                case DOLLAR -> r.append('$');
                case SIGN -> {
                    stripLonePoint(r);
                    appendMovingLeft(r, negative ? '-' : '+');
                }
                case MINUS -> {
                    if (negative) {
                        stripLonePoint(r);
                        appendMovingLeft(r, '-');
                    } else {
                        r.append(' ');
                    }
                }
                case OPEN -> {
                    if (negative) {
                        r.append('<');
                    }
                }
                case CLOSE -> {
                    stripLonePoint(r);
                    if (negative) {
                        appendMovingLeft(r, '>');
                    } else {
                        r.append("  ");
                    }
                }
                default -> throw new IllegalStateException("token " + t[0]);
            }
        }
        stripLonePoint(r);
        String s = r.toString();
        return s.isEmpty() || s.equals("+") || s.equals("-") ? "0" : s;
    }

    /** A character after blanks moves left past them (a sign sits next to the digits). */
    private static void appendMovingLeft(StringBuilder r, char c) {
        r.append(c);
        for (int i = r.length() - 1; i >= 1 && r.charAt(i - 1) == ' ' && r.charAt(i) == c; i--) {
            r.setCharAt(i, ' ');
            r.setCharAt(i - 1, c);
        }
    }

    /** A blank after a sign or {@code <} moves left of it (the sign sits next to the digits). */
    private static void appendSpace(StringBuilder r) {
        r.append(' ');
        for (int i = r.length() - 1; i >= 1 && r.charAt(i) == ' '
                && (r.charAt(i - 1) == '+' || r.charAt(i - 1) == '-' || r.charAt(i - 1) == '<'); i--) {
            r.setCharAt(i, r.charAt(i - 1));
            r.setCharAt(i - 1, ' ');
        }
    }

    /** A decimal point with no digit after it is blanked. */
    private static void stripLonePoint(StringBuilder r) {
        int i = r.indexOf(".");
        if (i >= 0 && (i == r.length() - 1 || r.charAt(i + 1) == ' ')) {
            r.setCharAt(i, ' ');
        }
    }
}
