package io.tideway.engine.source.file;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rowTag} elements of an XML file's text, each one record, as Spark's
 * {@code XmlTokenizer} finds them: from a start tag of that name ({@code <row>}, {@code <row a="1">}
 * or {@code <row/>}) to its matching end tag, nested elements of the same name included; comments
 * and CDATA sections are passed over, so a tag inside them does not count. Stateless.
 */
final class XmlRecords {
    private XmlRecords() {
    }

    static List<String> split(String text, String rowTag) {
        List<String> records = new ArrayList<>();
        int i = 0;
        while ((i = nextStart(text, rowTag, i)) >= 0) {
            int end = recordEnd(text, rowTag, i);
            if (end < 0) {
                break; // an unterminated last record, as Spark's tokenizer drops it
            }
            records.add(text.substring(i, end));
            i = end;
        }
        return records;
    }

    /** The index of the next start tag named {@code tag} at or after {@code from}, or -1. */
    private static int nextStart(String text, String tag, int from) {
        int i = from;
        while ((i = text.indexOf('<', i)) >= 0) {
            int skipped = skip(text, i);
            if (skipped != i) {
                i = skipped;
            } else if (isTag(text, i + 1, tag)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The index just past the end tag matching the start tag at {@code start}, or -1. */
    private static int recordEnd(String text, String tag, int start) {
        int close = text.indexOf('>', start);
        if (close < 0) {
            return -1;
        }
        if (text.charAt(close - 1) == '/') {
            return close + 1;
        }
        int depth = 1;
        int i = close + 1;
        while ((i = text.indexOf('<', i)) >= 0) {
            int skipped = skip(text, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            if (text.startsWith("</", i) && isTag(text, i + 2, tag)) {
                int gt = text.indexOf('>', i);
                if (gt < 0) {
                    return -1;
                }
                if (--depth == 0) {
                    return gt + 1;
                }
                i = gt + 1;
            } else if (isTag(text, i + 1, tag)) {
                int gt = text.indexOf('>', i);
                if (gt < 0) {
                    return -1;
                }
                depth += text.charAt(gt - 1) == '/' ? 0 : 1;
                i = gt + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Past a comment or CDATA section starting at {@code i}; {@code i} itself when there is none. */
    private static int skip(String text, int i) {
        String end = text.startsWith("<!--", i) ? "-->" : text.startsWith("<![CDATA[", i) ? "]]>" : null;
        if (end == null) {
            return i;
        }
        int e = text.indexOf(end, i);
        return e < 0 ? text.length() : e + end.length();
    }

    /** Whether the tag name {@code tag} starts at {@code i} and ends there (at '>', '/' or white space). */
    private static boolean isTag(String text, int i, String tag) {
        if (!text.startsWith(tag, i) || i + tag.length() >= text.length()) {
            return false;
        }
        char c = text.charAt(i + tag.length());
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }
}
