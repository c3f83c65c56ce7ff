package io.tideway.checkpoint;

/**
 * One file admitted by the file source: a line of {@code sources/<i>/N}
 * ({@code {"path":...,"timestamp":...,"batchId":...}}).
 *
 * <p>Threading: immutable.
 *
 * @param path      file URI, e.g. {@code file:///in/a.json}
 * @param timestamp file modification time, ms
 * @param batchId   log position (= {@code logOffset}) that admitted it
 */
public record FileSourceEntry(String path, long timestamp, long batchId) {
}
