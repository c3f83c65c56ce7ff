package io.tideway.microbatch;

import io.tideway.engine.exec.Operator;
import org.agrona.DirectBuffer;

/** Counts the rows passing into {@code next}; owned by one task thread. */
final class CountingOperator implements Operator {
    private final Operator next;
    private long count;

    CountingOperator(Operator next) {
        this.next = next;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        count++;
        next.accept(buffer, offset, length);
    }

    @Override
    public void finish() {
        next.finish();
    }

    long count() {
        return count;
    }
}
