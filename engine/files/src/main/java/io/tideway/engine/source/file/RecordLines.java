package io.tideway.engine.source.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The lines of files, for schema inference: each file's lines in order, with the line's number in
 * its file (1 for the first), so a caller can skip a header. Stateless.
 */
final class RecordLines {
    private RecordLines() {
    }

    /** Hands each file's whole text to {@code text} (a {@code multiLine} JSON file is one record). */
    static void forEachFile(Iterable<Path> files, java.util.function.Consumer<String> text) {
        for (Path f : files) {
            try {
                // bad bytes read as U+FFFD, as the files' rows will be read
                text.accept(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read file " + f.toUri() + ": " + e, e);
            }
        }
    }

    /** Hands each line of each file, with its number, to {@code line}. */
    static void forEach(Iterable<Path> files, BiConsumer<Long, String> line) {
        for (Path f : files) {
            // bad bytes read as U+FFFD, as the files' rows will be read (Files.newBufferedReader would throw)
            try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8))) {
                long n = 0;
                for (String s; (s = in.readLine()) != null; ) {
                    line.accept(++n, s);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read file " + f.toUri() + ": " + e, e);
            }
        }
    }
}
