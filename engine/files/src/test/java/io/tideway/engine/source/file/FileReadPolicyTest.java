package io.tideway.engine.source.file;

import io.tideway.SparkException;
import io.tideway.sql.Dataset;
import io.tideway.sql.Row;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poison file does not stop a file source for good: bad bytes read as U+FFFD; a file deleted
 * after listing, or one that fails to read, fails naming it and the option that skips it, and
 * with {@code ignoreMissingFiles} / {@code ignoreCorruptFiles} (option or session setting) is
 * skipped while the other files' rows arrive.
 */
class FileReadPolicyTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate().newSession();

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        spark.conf().unset("spark.sql.files.ignoreMissingFiles");
        spark.conf().unset("spark.sql.files.ignoreCorruptFiles");
    }

    private static List<String> lines(Dataset<Row> df) {
        return df.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }

    @Test
    void bytesThatAreNotUtf8ReadAsReplacementCharactersInAStream() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("latin1.txt"), new byte[]{'c', 'a', 'f', (byte) 0xE9, '\n'}); // "café" in Latin-1
        Files.writeString(in.resolve("good.txt"), "ok\n");
        StructType schema = new StructType().add("value", DataTypes.StringType);
        List<Row> rows = new SourceDriver(new TextSourceProvider(), schema, Map.of("path", in.toString()),
                dir.resolve("chk")).runBatch();
        assertEquals(List.of("caf\uFFFD", "ok"), rows.stream().map(r -> r.getString(0)).sorted().toList());
    }

    @Test
    void aFileDeletedAfterListingFailsNamingItOrIsSkippedWithTheOption() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "a\n");
        Path gone = Files.writeString(in.resolve("b.txt"), "b\n");
        Dataset<Row> strict = spark.read().text(in.toString());
        Dataset<Row> skipping = spark.read().option("ignoreMissingFiles", "true").text(in.toString());
        Files.delete(gone);

        SparkException e = assertThrows(SparkException.class, strict::collectAsList);
        assertTrue(e.getMessage().startsWith("[FAILED_READ_FILE.FILE_NOT_EXIST] Encountered error while reading file "
                + gone.toUri()), e.getMessage());
        assertTrue(e.getCause().getMessage().contains("ignoreMissingFiles"), "the cause names the option that skips it");

        assertEquals(List.of("a"), lines(skipping));
        spark.conf().set("spark.sql.files.ignoreMissingFiles", "true");
        Files.writeString(gone, "b\n");
        Dataset<Row> bySetting = spark.read().text(in.toString());
        Files.delete(gone);
        assertEquals(List.of("a"), lines(bySetting), "the session setting is the option's default");
    }

    @Test
    void aFileThatFailsToReadFailsNamingItOrIsSkippedWithTheOption() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "a\n");
        Path bad = Files.writeString(in.resolve("b.txt"), "b\n");
        Dataset<Row> strict = spark.read().text(in.toString());
        Dataset<Row> skipping = spark.read().option("ignoreCorruptFiles", "true").text(in.toString());
        Files.delete(bad);
        Files.createDirectory(bad); // listed as a file; reading it now fails part way ("Is a directory")

        SparkException e = assertThrows(SparkException.class, strict::collectAsList);
        assertTrue(e.getMessage().startsWith("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file "
                + bad.toUri().toString().replaceAll("/$", "")), e.getMessage());
        assertInstanceOf(java.io.IOException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("ignoreCorruptFiles"), e.getCause().getMessage());

        assertEquals(List.of("a"), lines(skipping));
    }
}
