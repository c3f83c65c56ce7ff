package io.tideway.engine.sink.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file format as the file sink writes it: UTF-8 lines, each row formatted by a per-file
 * {@link RowFormatter}. Built once per query from the validated schema and options.
 *
 * <p>Threading: immutable; {@link #open} is called on worker threads.
 */
interface OutputFormat extends FileWriteFormat {
    /** A formatter writing rows to {@code out}, owned by one partition writer. */
    RowFormatter formatter(Writer out) throws IOException;

    @Override
    default FileRowWriter open(Path file) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 64 * 1024);
        RowFormatter formatter = formatter(out);
        return new FileRowWriter() {
            @Override
            public void write(io.tideway.offheap.row.RowReader row) throws IOException {
                formatter.write(row);
            }

            @Override
            public void close() throws IOException {
                try {
                    formatter.flush();
                } finally {
                    out.close();
                }
            }
        };
    }
}
