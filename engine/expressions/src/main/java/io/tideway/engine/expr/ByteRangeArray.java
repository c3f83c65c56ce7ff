package io.tideway.engine.expr;

import io.tideway.offheap.row.RowReader;
import org.agrona.DirectBuffer;

/**
 * An array-valued evaluator whose elements are non-null byte ranges of one buffer, and which can
 * hand them out without building the array: {@code explode(split(line, " "))} then reads each word
 * where it lies in the line instead of copying it into an array first. The ranges are valid until
 * the next evaluation. Same threading as {@link Evaluator}.
 */
public interface ByteRangeArray {
    /** Evaluates the elements' ranges only; returns their count, or -1 for a null array. */
    int evalRanges(RowReader row);

    DirectBuffer rangeBuffer();

    int rangeOffset(int i);

    int rangeLength(int i);
}
