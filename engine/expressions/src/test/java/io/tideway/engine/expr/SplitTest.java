package io.tideway.engine.expr;

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

class SplitTest {
    /** The one-character fast path against java.util.regex on random strings, every limit form. */
    @Test
    void literalCharacterSplitAgreesWithTheRegexSplit() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "ab ,é";
        for (String sep : new String[] {" ", ","}) {
            for (int limit : new int[] {-1, 0, 1, 2, 3, 7}) {
                Evaluator e = new Split(new BoundReference(0, DataTypes.StringType, true, "s"), sep, limit)
                        .evaluator(new EvalContext());
                for (int n = 0; n < 400; n++) {
                    StringBuilder text = new StringBuilder();
                    for (int i = random.nextInt(40); i > 0; i--) {
                        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    String s = text.toString();
                    List<String> expected = List.of(s.split(java.util.regex.Pattern.quote(sep), limit > 0 ? limit : -1));
                    assertEquals(expected, eval(e, s), "split('" + s + "', '" + sep + "', " + limit + ")");
                }
            }
        }
    }

    private static List<String> eval(Evaluator e, String s) {
        GrowableBuffer memory = new GrowableBuffer(64);
        RowWriter w = new RowWriter(1).wrap(memory.buffer(), 0, memory);
        w.putString(0, s);
        int length = w.finish();
        e.eval(new RowReader(1).wrap(memory.buffer(), 0, length));
        ArrayReader a = new ArrayReader().wrap(e.buf, e.off, e.len);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            byte[] b = new byte[a.varLength(i)];
            a.buffer().getBytes(a.varOffset(i), b);
            parts.add(new String(b, StandardCharsets.UTF_8));
        }
        return parts;
    }
}
