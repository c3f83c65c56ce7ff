package io.tideway.engine.spi;

/**
 * How much a micro-batch may take: everything available ({@code Trigger.Once}) or what the
 * source's own options allow per trigger ({@code maxFilesPerTrigger} and the like).
 */
public enum ReadLimit {
    ALL_AVAILABLE,
    SOURCE_DEFAULT
}
