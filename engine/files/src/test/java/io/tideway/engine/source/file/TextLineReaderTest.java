package io.tideway.engine.source.file;

import io.tideway.offheap.row.GrowableBuffer;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextLineReaderTest {
    /** The lines BufferedReader.readLine gives, for random bytes of every kind, at small and large buffer sizes. */
    @Test
    void readsTheLinesReadLineReads(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        byte[][] pieces = {"a".getBytes(), "bc".getBytes(), "\n".getBytes(), "\r".getBytes(), "\r\n".getBytes(),
            "é".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3}, {(byte) 0xFF}, "word count ".getBytes()};
        for (int n = 0; n < 300; n++) {
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            for (int i = random.nextInt(60); i > 0; i--) {
                content.write(pieces[random.nextInt(pieces.length)]);
            }
            if (n % 50 == 0) {
                content.write(new byte[100_000], 0, 100_000); // a line longer than the buffer
                content.write('\n');
            }
            byte[] bytes = content.toByteArray();
            Path file = Files.write(dir.resolve("f" + n), bytes);
            assertEquals(expected(bytes), read(file, 8 + random.nextInt(64)), "file " + n);
            assertEquals(expected(bytes), read(file, 64 * 1024), "file " + n + ", default buffer");
        }
    }

    private static List<String> expected(byte[] bytes) throws Exception {
        List<String> lines = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        for (String s; (s = r.readLine()) != null; ) {
            lines.add(s);
        }
        return lines;
    }

    private static List<String> read(Path file, int bufferSize) throws Exception {
        List<String> lines = new ArrayList<>();
        GrowableBuffer memory = new GrowableBuffer(64);
        RowWriter w = new RowWriter(1);
        RowReader r = new RowReader(1);
        try (TextLineReader reader = new TextLineReader(file, bufferSize)) {
            while (true) {
                w.wrap(memory.buffer(), 0, memory);
                if (reader.next(w) == FileRowReader.END) {
                    return lines;
                }
                r.wrap(memory.buffer(), 0, w.finish());
                byte[] b = new byte[r.varLength(0)];
                memory.buffer().getBytes(r.varOffset(0), b);
                lines.add(new String(b, StandardCharsets.UTF_8));
            }
        }
    }
}
