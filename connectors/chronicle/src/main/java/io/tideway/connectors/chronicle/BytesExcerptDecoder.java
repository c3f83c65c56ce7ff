package io.tideway.connectors.chronicle;

import io.tideway.offheap.row.RowWriter;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@code format = bytes}: the row {@code (index, value)} with the excerpt's bytes copied straight
 * from the mapped queue file into the row (one flyweight re-pointed per excerpt, no allocation).
 * Every excerpt is well-formed. Reader thread only.
 */
final class BytesExcerptDecoder implements ExcerptDecoder {
    private final UnsafeBuffer excerpt = new UnsafeBuffer(0, 0);

    @Override
    public String decode(long index, Wire wire, RowWriter row) {
        Bytes<?> bytes = wire.bytes();
        int length = (int) bytes.readRemaining();
        row.putLong(0, index);
        if (length == 0) {
            row.putBytes(1, excerpt, 0, 0);
        } else {
            excerpt.wrap(bytes.addressForRead(bytes.readPosition()), length);
            row.putBytes(1, excerpt, 0, length);
        }
        return null;
    }
}
