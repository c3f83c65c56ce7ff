package io.tideway.offheap.row;

import org.agrona.DirectBuffer;

/**
 * Receives rows in the binary format ({@link RowDescriptor}). The row is only valid during the
 * call: a consumer that keeps it must copy the bytes. Called by one thread at a time.
 */
@FunctionalInterface
public interface RowConsumer {
    void accept(DirectBuffer buffer, int offset, int length);
}
