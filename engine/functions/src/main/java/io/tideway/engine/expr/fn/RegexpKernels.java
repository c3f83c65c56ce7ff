package io.tideway.engine.expr.fn;

import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.expr.BytesOut;
import org.agrona.DirectBuffer;

import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regexp_* functions' implementations, with Java's {@link Pattern} as Spark uses it (the
 * input goes through a {@link String}). Patterns come compiled from the call site (a literal's
 * once, others through {@link PredicateKernels.PatternCache}). Stateless.
 */
public final class RegexpKernels {
    private RegexpKernels() {
    }

    /**
     * regexp_replace from character {@code position} (1-based; text before it is kept, a position
     * past the end returns the input); {@code rep} is a {@link Matcher#appendReplacement} template.
     */
    public static int replace(Pattern p, DirectBuffer b, int off, int len, DirectBuffer r, int rOff, int rLen,
                              long position, BytesOut out) {
        String source = StringKernels.string(b, off, len);
        int from = (int) Math.min(position - 1, Integer.MAX_VALUE);
        if (from != 0 && from >= source.length()) {
            return out.reset().append(b, off, len).length();
        }
        String rep = StringKernels.string(r, rOff, rLen);
        Matcher m = p.matcher(source);
        m.region(from, source.length());
        StringBuilder sb = new StringBuilder(source.length());
        try {
            while (m.find()) {
                m.appendReplacement(sb, rep);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SparkRuntimeException("INVALID_REGEXP_REPLACE", Map.of("source", source, "pattern", p.pattern(),
                    "replacement", rep, "position", String.valueOf(position)), e);
        }
        m.appendTail(sb);
        return out.reset().append(sb.toString()).length();
    }

    /** regexp_extract: group {@code idx} of the first match, '' when there is none or the group did not take part. */
    public static int extract(Pattern p, DirectBuffer b, int off, int len, long idx, BytesOut out) {
        Matcher m = p.matcher(StringKernels.string(b, off, len));
        out.reset();
        if (!m.find()) {
            return 0;
        }
        String g = m.group(groupIndex(m, idx, "regexp_extract"));
        return g == null ? 0 : out.append(g).length();
    }

    /** regexp_extract_all: group {@code idx} of every match (an unmatched group as ""), an {@code array<string>} in {@code out}. */
    public static int extractAll(Pattern p, DirectBuffer b, int off, int len, long idx, io.tideway.engine.expr.CollectionOut out) {
        Matcher m = p.matcher(StringKernels.string(b, off, len));
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            String g = m.group(groupIndex(m, idx, "regexp_extract_all"));
            found.add(g == null ? "" : g);
        }
        io.tideway.offheap.row.ArrayWriter a = out.array(found.size());
        for (int i = 0; i < found.size(); i++) {
            io.tideway.engine.expr.ArrayOut.putString(a, i, found.get(i));
        }
        return a.finish();
    }

    /** regexp_substr: the first match, or null (-1) when there is none or it is empty. */
    public static int substr(Pattern p, DirectBuffer b, int off, int len, BytesOut out) {
        Matcher m = p.matcher(StringKernels.string(b, off, len));
        out.reset();
        if (!m.find() || m.end() == m.start()) {
            return -1;
        }
        return out.append(m.group()).length();
    }

    /** regexp_count: the number of matches, found one after another. */
    public static int count(Pattern p, DirectBuffer b, int off, int len) {
        Matcher m = p.matcher(StringKernels.string(b, off, len));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** regexp_instr: the 1-based position where the first match starts (Spark checks {@code idx} but reports the match), else 0. */
    public static int instr(Pattern p, DirectBuffer b, int off, int len, long idx) {
        Matcher m = p.matcher(StringKernels.string(b, off, len));
        if (!m.find()) {
            return 0;
        }
        groupIndex(m, idx, "regexp_instr");
        return m.start() + 1;
    }

    static int groupIndex(MatchResult m, long idx, String function) {
        if (idx < 0 || idx > m.groupCount()) {
            throw new SparkRuntimeException("INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", Map.of("parameter",
                    ErrorParams.id("idx"), "functionName", ErrorParams.id(function), "groupCount",
                    String.valueOf(m.groupCount()), "groupIndex", String.valueOf(idx)));
        }
        return (int) idx;
    }
}
