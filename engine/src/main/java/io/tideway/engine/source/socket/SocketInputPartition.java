package io.tideway.engine.source.socket;

import io.tideway.engine.spi.InputPartition;

/**
 * The lines of one socket batch, copied out of the shared buffer when the batch was planned, so
 * the worker reading them shares nothing with the receiver thread. Immutable by convention: no
 * one writes the slice's arrays after the copy.
 */
record SocketInputPartition(int index, SocketLineBuffer.Slice slice) implements InputPartition {
}
