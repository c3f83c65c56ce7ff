package io.tideway.continuous;

import io.tideway.sql.Encoders;
import io.tideway.sql.TidewaySession;
import io.tideway.sql.execution.streaming.MemoryStream;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.tideway.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code tideway.continuous.threadFactory}: a user's factory makes every thread a continuous query
 * runs (what a user pins to cores), each named for its role; a bad class name fails where it is set.
 */
class ContinuousThreadFactoryTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();

    /** What a user writes: here it records the threads it made (a real one would pin them). */
    public static final class RecordingFactory implements ThreadFactory {
        static final List<Thread> MADE = new CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r);
            t.setDaemon(true);
            MADE.add(t);
            return t;
        }
    }

    @AfterEach
    void stop() {
        spark.stop();
        spark.conf().unset(ContinuousSettings.THREAD_FACTORY);
        spark.conf().unset(ContinuousSettings.THREADS_PER_PARTITION);
    }

    @Test
    void theUsersFactoryMakesEveryThreadOfTheQuery(@TempDir Path dir) throws Exception {
        for (String threads : List.of("1", "2")) {
            RecordingFactory.MADE.clear();
            spark.conf().set(ContinuousSettings.THREAD_FACTORY, RecordingFactory.class.getName());
            spark.conf().set(ContinuousSettings.THREADS_PER_PARTITION, threads);
            MemoryStream<Long> s = new MemoryStream<>(1, spark, Encoders.LONG(), 2);
            String table = "factory_" + threads;
            StreamingQuery q = s.toDS().select(col("value")).writeStream().format("memory").queryName(table)
                    .trigger(Trigger.Continuous(50)).option("checkpointLocation", dir.resolve(table).toString()).start();
            s.addData(1L, 2L, 3L);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (spark.table(table).count() < 3) {
                if (System.nanoTime() > deadline || !q.isActive()) {
                    fail(table + ": " + spark.table(table).count() + " of 3 rows; " + q.exception());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            Set<String> names = new TreeSet<>();
            for (Thread t : RecordingFactory.MADE) {
                names.add(t.getName());
            }
            q.stop();
            int cores = Runtime.getRuntime().availableProcessors();
            boolean own = threads.equals("2");
            int readerThreads = ReaderThread.count(2, cores, !own);
            Set<String> readers = new TreeSet<>();
            for (String n : names) {
                if (n.startsWith("tideway-reader-" + table + "-")) {
                    readers.add(n);
                }
            }
            Set<String> expectedReaders = new TreeSet<>(readerThreads == 2
                    ? List.of("tideway-reader-" + table + "-0", "tideway-reader-" + table + "-1")
                    : List.of("tideway-reader-" + table + "-0,1"));
            assertEquals(expectedReaders, readers, "each reader thread named for its partitions");
            if (own) {
                assertTrue(names.containsAll(List.of("tideway-task-" + table + "-0", "tideway-task-" + table + "-1")), names.toString());
            }
            assertEquals(readerThreads + (own ? 2 : 0) + 1, names.size(), "and the epoch coordinator's: " + names);
        }
    }

    @Test
    void aBadClassNameFailsWhereItIsSetNamingTheSetting() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set(ContinuousSettings.THREAD_FACTORY, "com.example.NoSuchFactory"));
        assertEquals("'com.example.NoSuchFactory' in tideway.continuous.threadFactory is invalid. "
                + "No class com.example.NoSuchFactory on the classpath", missing.getMessage());
        IllegalArgumentException notAFactory = assertThrows(IllegalArgumentException.class,
                () -> spark.conf().set(ContinuousSettings.THREAD_FACTORY, "java.lang.String"));
        assertEquals("'java.lang.String' in tideway.continuous.threadFactory is invalid. "
                + "java.lang.String does not implement java.util.concurrent.ThreadFactory", notAFactory.getMessage());
    }
}
