package io.tideway.engine.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.tideway.sql.TidewaySession;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** setLogLevel with logback bound (engine/pom.xml's logback-levels surefire run, logback alone on the class path). */
class LogbackLogLevelsTest {
    @Test
    void setsTheRootAndTidewayLoggers() {
        // by name: under another backend logback is not on the class path
        assumeTrue(LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext"),
                "runs where logback is the bound backend");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        TidewaySession spark = TidewaySession.builder().getOrCreate();
        spark.sparkContext().setLogLevel("warn");
        assertEquals(Level.WARN, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.WARN, context.getLogger("io.tideway").getLevel());
        Logger sink = LoggerFactory.getLogger("io.tideway.engine.sink.file.FileStreamSink");
        assertFalse(sink.isInfoEnabled());
        assertTrue(sink.isWarnEnabled());

        spark.sparkContext().setLogLevel("DEBUG");
        assertTrue(sink.isDebugEnabled());
        assertFalse(sink.isTraceEnabled());
        spark.sparkContext().setLogLevel("FATAL"); // logback has no FATAL
        assertEquals(Level.ERROR, context.getLogger("io.tideway").getLevel());
        spark.sparkContext().setLogLevel("OFF");
        assertFalse(sink.isErrorEnabled());
    }
}
