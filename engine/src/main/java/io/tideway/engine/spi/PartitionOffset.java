package io.tideway.engine.spi;

/**
 * One continuous reader's position: carried in the epoch marker from its reader to the
 * coordinator, then combined per source into the source's line of {@code offsets/N}. Immutable.
 */
public interface PartitionOffset {
    /** This partition's part of the source's offset JSON, e.g. {@code {"value":12,"runTimeMs":1700000003500}}. */
    String json();
}
