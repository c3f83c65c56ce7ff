package io.tideway.engine.exec;

import org.agrona.DirectBuffer;

/**
 * A chain link that can take a row of one non-null string or binary field as the field's bytes
 * alone, so the link above need not write the row: a generator's elements, read where they lie in
 * their line, straight into a partial aggregation's table. Task thread only.
 */
public interface ValueSink {
    /** Whether every row this link receives may come through {@link #acceptValue}. */
    boolean acceptsValues();

    /** Takes the row whose one field is {@code buffer[offset, offset + length)}. */
    void acceptValue(DirectBuffer buffer, int offset, int length);
}
