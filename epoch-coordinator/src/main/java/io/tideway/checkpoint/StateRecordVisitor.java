package io.tideway.checkpoint;

/**
 * Receives the records of state files in file order. The arrays are fresh per record and owned
 * by the visitor from then on.
 *
 * <p>Threading: called on the thread that invoked the read or replay.
 */
public interface StateRecordVisitor {
    void put(byte[] key, byte[] value);

    void remove(byte[] key);
}
