package io.tideway.connectors.chronicle;

/**
 * A corrupt excerpt under {@code mode = FAILFAST}: names the queue directory and the index
 * (decimal and as cycle/sequence), in Spark's FAILFAST wording.
 */
public final class MalformedExcerptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedExcerptException(String queuePath, long index, int cycle, long sequence, String reason) {
        super("Malformed records are detected in record parsing. Parse Mode: FAILFAST. To process malformed records as"
                + " null result, try setting the option 'mode' as 'PERMISSIVE'. Chronicle queue " + queuePath + ", index "
                + index + " (0x" + Long.toHexString(index) + ", cycle " + cycle + ", sequence " + sequence + "): " + reason);
    }
}
