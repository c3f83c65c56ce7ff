package conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (longest common subsequence; outputs are small), with
 * three lines of context, as {@code diff -u} prints it.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    public static String diff(String expectedName, String expected, String actualName, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // the edit script: ' ' kept, '-' only in expected, '+' only in actual; with each line's positions
        List<char[]> ops = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<int[]> pos = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new char[] {' '});
                text.add(a.get(i));
                pos.add(new int[] {i++, j++});
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new char[] {'-'});
                text.add(a.get(i));
                pos.add(new int[] {i++, j});
            } else {
                ops.add(new char[] {'+'});
                text.add(b.get(j));
                pos.add(new int[] {i, j++});
            }
        }
        StringBuilder out = new StringBuilder("--- " + expectedName + "\n+++ " + actualName + "\n");
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // extend the hunk while the next change is within 2 * CONTEXT kept lines
            int lastChange = k;
            while (end < ops.size()) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int aStart = pos.get(start)[0];
            int bStart = pos.get(start)[1];
            int aLen = 0;
            int bLen = 0;
            for (int h = start; h < end; h++) {
                char op = ops.get(h)[0];
                aLen += op != '+' ? 1 : 0;
                bLen += op != '-' ? 1 : 0;
            }
            out.append("@@ -").append(aStart + 1).append(',').append(aLen)
                    .append(" +").append(bStart + 1).append(',').append(bLen).append(" @@\n");
            for (int h = start; h < end; h++) {
                out.append(ops.get(h)[0]).append(text.get(h)).append('\n');
            }
            k = end;
        }
        return out.toString();
    }
}
