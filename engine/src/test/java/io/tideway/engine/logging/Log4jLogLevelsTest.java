package io.tideway.engine.logging;

import io.tideway.sql.TidewaySession;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** setLogLevel with log4j2 bound (engine/pom.xml's log4j2-levels surefire run, log4j2 alone on the class path). */
class Log4jLogLevelsTest {
    @Test
    void setsTheRootAndTidewayLoggers() {
        assumeTrue(LoggerFactory.getILoggerFactory().getClass().getName().equals("org.apache.logging.slf4j.Log4jLoggerFactory"),
                "runs where log4j2 is the bound backend");
        TidewaySession spark = TidewaySession.builder().getOrCreate();
        spark.sparkContext().setLogLevel("info");
        assertEquals(Level.INFO, LogManager.getRootLogger().getLevel());
        assertEquals(Level.INFO, LogManager.getLogger("io.tideway").getLevel());
        Logger sink = LoggerFactory.getLogger("io.tideway.engine.sink.file.FileStreamSink");
        assertTrue(sink.isInfoEnabled());
        assertFalse(sink.isDebugEnabled());

        spark.sparkContext().setLogLevel("TRACE");
        assertTrue(sink.isTraceEnabled());
        spark.sparkContext().setLogLevel("FATAL");
        assertEquals(Level.FATAL, LogManager.getLogger("io.tideway").getLevel());
        assertFalse(sink.isErrorEnabled());
        spark.sparkContext().setLogLevel("WARN");
        assertEquals(Level.WARN, LogManager.getRootLogger().getLevel());
        assertFalse(LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").isInfoEnabled(), "the root's level");
        assertTrue(sink.isWarnEnabled());
    }
}
