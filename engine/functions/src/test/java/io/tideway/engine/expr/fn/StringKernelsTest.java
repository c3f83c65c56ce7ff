package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.BytesOut;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The string kernels on UTF-8 edge cases: multi-byte and supplementary characters, Spark's positions. */
class StringKernelsTest {
    private final BytesOut out = new BytesOut();

    private static UnsafeBuffer utf8(String s) {
        return new UnsafeBuffer(s.getBytes(StandardCharsets.UTF_8));
    }

    private String result(int len) {
        return len < 0 ? null : StringKernels.string(out.buffer(), 0, len);
    }

    @Test
    void substringCountsCharactersNotBytes() {
        UnsafeBuffer b = utf8("aé😀b");
        int n = b.capacity();
        assertEquals("é😀", result(StringKernels.substring(b, 0, n, 2, 2, out)));
        assertEquals("😀b", result(StringKernels.substring(b, 0, n, -2, 5, out)));
        assertEquals("a", result(StringKernels.substring(b, 0, n, 0, 1, out)));
        assertEquals("", result(StringKernels.substring(b, 0, n, 3, -1, out)));
        assertEquals("", result(StringKernels.substring(b, 0, n, Integer.MIN_VALUE, 5, out)));
    }

    @Test
    void reverseKeepsSupplementaryCharactersWhole() {
        UnsafeBuffer b = utf8("ab😀c");
        assertEquals("c😀ba", result(StringKernels.reverse(b, 0, b.capacity(), out)));
    }

    @Test
    void padCutsAndRepeatsByCharacters() {
        UnsafeBuffer s = utf8("ß");
        UnsafeBuffer p = utf8("Üx");
        assertEquals("ÜxÜß", result(StringKernels.pad(s, 0, s.capacity(), 4, p, 0, p.capacity(), true, out)));
        UnsafeBuffer hello = utf8("hello");
        assertEquals("he", result(StringKernels.pad(hello, 0, 5, 2, p, 0, p.capacity(), false, out)));
    }

    @Test
    void locateAndSubstringIndex() {
        UnsafeBuffer s = utf8("ßa.b.c");
        UnsafeBuffer dot = utf8(".");
        assertEquals(3, StringKernels.locate(s, 0, s.capacity(), dot, 0, 1, 1));
        assertEquals(5, StringKernels.locate(s, 0, s.capacity(), dot, 0, 1, 4));
        assertEquals("ßa.b", result(StringKernels.substringIndex(s, 0, s.capacity(), dot, 0, 1, 2, out)));
        assertEquals("b.c", result(StringKernels.substringIndex(s, 0, s.capacity(), dot, 0, 1, -2, out)));
    }

    @Test
    void initcapTitleCasesAfterSpacesOnly() {
        UnsafeBuffer s = utf8("ßa ǆb a-b");
        assertEquals("Ssa ǅb A-b", result(StringKernels.initcap(s, 0, s.capacity(), out)));
    }

    @Test
    void luhnAndSoundex() {
        UnsafeBuffer ok = utf8("79927398713");
        assertTrue(TextKernels.luhn(ok, 0, ok.capacity()));
        UnsafeBuffer bad = utf8("12a4");
        assertFalse(TextKernels.luhn(bad, 0, bad.capacity()));
        UnsafeBuffer robert = utf8("Robert");
        assertEquals("R163", result(TextKernels.soundex(robert, 0, robert.capacity(), out)));
        UnsafeBuffer ashcraft = utf8("Ashcraft");
        assertEquals("A261", result(TextKernels.soundex(ashcraft, 0, ashcraft.capacity(), out)));
    }

    private String splitPart(String s, String d, long part) {
        UnsafeBuffer b = utf8(s);
        UnsafeBuffer db = utf8(d);
        return result(StringKernels.splitPart(b, 0, b.capacity(), db, 0, db.capacity(), part, out));
    }

    @Test
    void splitPartCountsPiecesFromEitherEnd() {
        assertEquals("b", splitPart("a,b,c", ",", 2));
        assertEquals("a", splitPart("a,b,c", ",", -3));
        assertEquals("", splitPart("a,b,c", ",", 4));
        assertEquals("", splitPart(",a,", ",", 3));
        assertEquals("é😀", splitPart("x||é😀", "||", -1));
        assertEquals("abc", splitPart("abc", "", 1));
        assertEquals("a", splitPart("aaa", "aa", 2));
    }

    private int findInSet(String s, String list) {
        UnsafeBuffer b = utf8(s);
        UnsafeBuffer l = utf8(list);
        return StringKernels.findInSet(b, 0, b.capacity(), l, 0, l.capacity());
    }

    @Test
    void findInSetMatchesWholeItems() {
        assertEquals(2, findInSet("b", "a,b,c"));
        assertEquals(0, findInSet("a,b", "a,b"));
        assertEquals(2, findInSet("", "a,,b"));
        assertEquals(0, findInSet("ab", "a,b"));
        assertEquals(3, findInSet("c", "a,b,c"));
    }
}
