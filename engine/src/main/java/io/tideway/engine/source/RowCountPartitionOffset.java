package io.tideway.engine.source;

import io.tideway.engine.spi.PartitionOffset;

/**
 * A continuous partition's position as the number of its rows emitted so far (memory and socket
 * sources), stored as a bare number inside the source's {@code {"0":3,"1":2}}. Immutable.
 */
public record RowCountPartitionOffset(long count) implements PartitionOffset {
    public RowCountPartitionOffset {
        if (count < 0) {
            throw new IllegalArgumentException("A row count offset must not be negative but was " + count);
        }
    }

    @Override
    public String json() {
        return Long.toString(count);
    }

    @Override
    public String toString() {
        return json();
    }
}
