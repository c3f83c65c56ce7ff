package io.tideway.continuous;

/**
 * How rows are packed in a ring slot's region: a sequence of records, each
 * <pre>
 *  +-------------------+-------------------+----------------------------------+
 *  | int rowLength     | int 0 (padding)   | row bytes (RowDescriptor), pad 8 |
 *  +-------------------+-------------------+----------------------------------+
 *  0                   4                   8                  8 + align8(rowLength)
 * </pre>
 * Rows start 8-aligned so the row flyweights read words in place.
 */
final class SlotLayout {
    static final int HEADER = 8;

    private SlotLayout() {
    }

    static int recordLength(int rowLength) {
        return HEADER + ((rowLength + 7) & ~7);
    }
}
