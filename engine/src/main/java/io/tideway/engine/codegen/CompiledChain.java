package io.tideway.engine.codegen;

import io.tideway.engine.exec.Operator;
import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowWriter;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The base of a generated fused chain ({@link ChainCompiler}): the generated subclass implements
 * {@link #accept} for its whole run of projections and filters, and builds its output row in
 * {@link #out}. Fields are protected because generated classes live in their own class loader.
 * Owned by one task thread.
 */
public abstract class CompiledChain implements Operator {
    protected final Operator next;
    /** The output row's memory; grows for variable-length values. */
    protected final GrowableBuffer memory = new GrowableBuffer(256);
    protected final UnsafeBuffer out = memory.buffer();
    /** Writes output rows with variable-length fields; fixed-width rows are stored directly. */
    protected final RowWriter writer;

    protected CompiledChain(Operator next, int outputFields) {
        this.next = next;
        this.writer = new RowWriter(Math.max(outputFields, 0));
        memory.ensureCapacity(writer.fixedLength());
    }

    @Override
    public void finish() {
        next.finish();
    }
}
