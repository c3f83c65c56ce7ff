package io.tideway.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log records one logger tree writes while a test runs, read through java.util.logging (the
 * backend the tests bind SLF4J to, slf4j-jdk14). {@link #start} lowers the tree's level and attaches
 * a handler; {@link #close} restores both, so one test's level never leaks into the next.
 * Records arrive on any thread (query, task, coordinator) and are read by the test thread: the list
 * is copy-on-write.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level levelBefore;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.levelBefore = logger.getLevel();
    }

    /** Captures what {@code loggerName} and its children log at {@code level} and above. */
    public static LogCapture start(String loggerName, Level level) {
        LogCapture c = new LogCapture(Logger.getLogger(loggerName));
        c.logger.setLevel(level);
        c.logger.addHandler(c.handler);
        return c;
    }

    /** The messages logged at exactly {@code level}, oldest first. */
    public List<String> lines(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    /** The messages logged at exactly {@code level} that start with {@code prefix}, oldest first. */
    public List<String> lines(Level level, String prefix) {
        return lines(level).stream().filter(m -> m.startsWith(prefix)).toList();
    }

    /** Every record, oldest first (for a test that needs the exception or the logger's name). */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Forgets what was captured so far (a test's second phase reads only its own lines). */
    public void clear() {
        records.clear();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(levelBefore);
    }
}
