package io.tideway.engine.spi;

/** One parallel slice of a micro-batch's input; read by one worker thread. Immutable. */
public interface InputPartition {
    int index();
}
