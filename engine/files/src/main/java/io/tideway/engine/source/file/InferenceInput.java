package io.tideway.engine.source.file;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What schema inference reads: the lines of files ({@link RecordLines}), or the strings of a
 * {@code Dataset<String>} ({@code spark.read().json(dataset)}, {@code csv(dataset)}), where each
 * string is one record and numbered as the line of a single file. Stateless.
 */
interface InferenceInput {
    /** Hands each line, with its number in its file (1 for the first), to {@code line}. */
    void forEachLine(BiConsumer<Long, String> line);

    /** Hands each file's whole text (a {@code multiLine} record) to {@code text}; each string of a Dataset. */
    void forEachWhole(Consumer<String> text);

    static InferenceInput files(List<Path> files) {
        return new InferenceInput() {
            @Override
            public void forEachLine(BiConsumer<Long, String> line) {
                RecordLines.forEach(files, line);
            }

            @Override
            public void forEachWhole(Consumer<String> text) {
                RecordLines.forEachFile(files, text);
            }
        };
    }

    static InferenceInput records(List<String> records) {
        return new InferenceInput() {
            @Override
            public void forEachLine(BiConsumer<Long, String> line) {
                long n = 0;
                for (String r : records) {
                    line.accept(++n, r);
                }
            }

            @Override
            public void forEachWhole(Consumer<String> text) {
                records.forEach(text);
            }
        };
    }
}
