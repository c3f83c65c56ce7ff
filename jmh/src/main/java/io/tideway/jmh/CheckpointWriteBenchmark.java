package io.tideway.jmh;

import io.tideway.checkpoint.CheckpointDir;
import io.tideway.checkpoint.CommitMetadata;
import io.tideway.checkpoint.OffsetSeq;
import io.tideway.checkpoint.OffsetSeqMetadata;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One epoch's checkpoint as the coordinator writes it: {@code offsets/N} (version line, batch
 * metadata JSON, one source's offsets JSON) then {@code commits/N}, each to a temporary file
 * that is forced and published, in a temporary checkpoint directory; old entries are purged as
 * a continuous query does (every 16 epochs, keeping 100). Wall time per epoch, dominated by
 * waiting for the file system's fsync; the coordinator's CPU per epoch is a fraction of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CheckpointWriteBenchmark {
    private static final String OFFSETS = "{\"0\":{\"value\":123456789,\"runTimeMs\":1700000000000},"
            + "\"1\":{\"value\":123456790,\"runTimeMs\":1700000000000}}";
    private Path root;
    private CheckpointDir checkpoint;
    private long epoch;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        root = Files.createTempDirectory("tideway-jmh-checkpoint");
        checkpoint = CheckpointDir.open(root);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long offsetsAndCommit() {
        long e = epoch++;
        OffsetSeqMetadata meta = new OffsetSeqMetadata(0L, 1_700_000_000_000L + e, Map.of("spark.sql.shuffle.partitions", "200"));
        if (!checkpoint.offsets().add(e, OffsetSeq.of(meta, OFFSETS))) {
            throw new IllegalStateException("offsets/" + e + " exists");
        }
        checkpoint.commits().add(e, new CommitMetadata(0L));
        if (e >= 100 && e % 16 == 0) {
            checkpoint.purgeLogs(e - 99);
        }
        return e;
    }
}
