package io.tideway.engine.query;

import io.tideway.SparkException;
import io.tideway.checkpoint.ConcurrentLogUpdateException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A checkpoint log write that finds its file fails the query with Spark's SparkException and text. */
class LogUpdateErrorsTest {
    @Test
    void aConcurrentLogUpdateBecomesSparksException() {
        ConcurrentLogUpdateException c = new ConcurrentLogUpdateException(5, Path.of("/chk/offsets/5"));
        SparkException e = assertInstanceOf(SparkException.class, LogUpdateErrors.asSpark(c));
        assertEquals("[CONCURRENT_STREAM_LOG_UPDATE] Concurrent update to the log. Multiple streaming jobs detected "
                + "for 5.\nPlease make sure only one streaming job runs on a specific checkpoint location at a time. "
                + "SQLSTATE: 40000", e.getMessage());
        assertSame(c, e.getCause(), "the cause names the file found");
    }

    @Test
    void otherErrorsPassThrough() {
        IllegalStateException other = new IllegalStateException("x");
        assertSame(other, LogUpdateErrors.asSpark(other));
    }
}
