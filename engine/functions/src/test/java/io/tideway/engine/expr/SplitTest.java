package io.tideway.engine.expr;

import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.engine.expr.fn.SplitKernels;
import io.tideway.offheap.row.ArrayReader;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** split on one character: the function, and the byte ranges explode reads instead of the array, agree with java.util.regex. */
class SplitTest {
    private static final BoundReference S = new BoundReference(0, DataTypes.StringType, true, "s");

    @Test
    void literalCharacterSplitAgreesWithTheRegexSplit() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "ab ,é";
        for (String sep : new String[] {" ", ","}) {
            for (int limit : new int[] {-1, 0, 1, 2, 3, 7}) {
                Expression call = FunctionRegistry.call("split", S, Literal.of(sep), Literal.of(limit));
                Evaluator array = call.evaluator(new EvalContext());
                ByteRangeArray ranges = SplitKernels.ranges(call, new EvalContext());
                for (int n = 0; n < 400; n++) {
                    StringBuilder text = new StringBuilder();
                    for (int i = random.nextInt(40); i > 0; i--) {
                        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    String s = text.toString();
                    List<String> expected = List.of(s.split(java.util.regex.Pattern.quote(sep), limit > 0 ? limit : -1));
                    RowReader row = row(s);
                    assertEquals(expected, elements(array, row), "split('" + s + "', '" + sep + "', " + limit + ")");
                    if (limit <= 0) {
                        assertEquals(expected, ranges(ranges, row), "ranges of split('" + s + "', '" + sep + "')");
                    }
                }
            }
        }
    }

    @Test
    void rangesOnlyForAOneCharacterLiteralWithoutALimit() {
        EvalContext ctx = new EvalContext();
        assertNull(SplitKernels.ranges(FunctionRegistry.call("split", S, Literal.of("a+"), Literal.of(-1)), ctx));
        assertNull(SplitKernels.ranges(FunctionRegistry.call("split", S, Literal.of(","), Literal.of(2)), ctx));
        assertNull(SplitKernels.ranges(FunctionRegistry.call("split", S, Literal.of("."), Literal.of(-1)), ctx));
        assertNull(SplitKernels.ranges(FunctionRegistry.call("split", S, S, Literal.of(-1)), ctx));
    }

    private static RowReader row(String s) {
        GrowableBuffer memory = new GrowableBuffer(64);
        RowWriter w = new RowWriter(1).wrap(memory.buffer(), 0, memory);
        w.putString(0, s);
        return new RowReader(1).wrap(memory.buffer(), 0, w.finish());
    }

    private static List<String> elements(Evaluator e, RowReader row) {
        e.eval(row);
        ArrayReader a = new ArrayReader().wrap(e.buf, e.off, e.len);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            parts.add(text(a.buffer(), a.varOffset(i), a.varLength(i)));
        }
        return parts;
    }

    private static List<String> ranges(ByteRangeArray r, RowReader row) {
        List<String> parts = new ArrayList<>();
        for (int i = 0, n = r.evalRanges(row); i < n; i++) {
            parts.add(text(r.rangeBuffer(), r.rangeOffset(i), r.rangeLength(i)));
        }
        return parts;
    }

    private static String text(org.agrona.DirectBuffer b, int off, int len) {
        byte[] bytes = new byte[len];
        b.getBytes(off, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
