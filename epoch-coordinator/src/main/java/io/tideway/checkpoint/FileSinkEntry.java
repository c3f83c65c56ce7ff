package io.tideway.checkpoint;

/**
 * One output file of the file sink: a line of {@code <outputDir>/_spark_metadata/N}. The fields
 * Spark writes but Tideway never varies ({@code isDir=false}, {@code blockReplication=1},
 * {@code blockSize=33554432}) are written by {@link FileSinkLog} and not carried here.
 *
 * <p>Threading: immutable.
 *
 * @param path             file URI
 * @param size             bytes
 * @param modificationTime ms
 * @param action           {@link #ADD} or {@link #DELETE}
 */
public record FileSinkEntry(String path, long size, long modificationTime, String action) {
    public static final String ADD = "add";
    public static final String DELETE = "delete";

    /** An {@code "add"} entry, the only kind the sink writes today. */
    public static FileSinkEntry added(String path, long size, long modificationTime) {
        return new FileSinkEntry(path, size, modificationTime, ADD);
    }
}
