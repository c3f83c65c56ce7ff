package io.tideway.engine.logging;

import io.tideway.sql.TidewaySession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** setLogLevel with java.util.logging bound through slf4j-jdk14 (the tests' default backend). */
class JulLogLevelsTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Logger root = Logger.getLogger("");
    private final Logger tideway = Logger.getLogger("io.tideway");
    private Level rootBefore;
    private Level tidewayBefore;

    @BeforeEach
    void remember() {
        assumeTrue(LoggerFactory.getILoggerFactory().getClass().getName().equals("org.slf4j.jul.JDK14LoggerFactory"),
                "runs where slf4j-jdk14 is the bound backend");
        rootBefore = root.getLevel();
        tidewayBefore = tideway.getLevel();
    }

    @AfterEach
    void restore() {
        root.setLevel(rootBefore);
        tideway.setLevel(tidewayBefore);
    }

    @Test
    void setsTheRootAndTidewayLoggersInAnyCase() {
        spark.sparkContext().setLogLevel("warn");
        assertEquals(Level.WARNING, root.getLevel());
        assertEquals(Level.WARNING, tideway.getLevel());
        org.slf4j.Logger sink = LoggerFactory.getLogger("io.tideway.engine.sink.file.FileStreamSink");
        assertFalse(sink.isInfoEnabled());
        assertTrue(sink.isWarnEnabled());
        assertFalse(LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").isInfoEnabled(), "the root's level");

        spark.sparkContext().setLogLevel("DEBUG");
        assertTrue(LoggerFactory.getLogger("io.tideway.engine.state.StateMaintenance").isDebugEnabled());
        assertFalse(sink.isTraceEnabled());
        spark.sparkContext().setLogLevel("FATAL");
        assertEquals(Level.SEVERE, tideway.getLevel());
        spark.sparkContext().setLogLevel("Off");
        assertFalse(sink.isErrorEnabled());
        spark.sparkContext().setLogLevel("ALL");
        assertTrue(sink.isTraceEnabled());
    }

    @Test
    void sparkLogLevelAtTheBuilderSetsTheLevelWhenTheSessionStarts() {
        spark.stop(); // spark.log.level applies when a session starts, as Spark's when its context starts
        TidewaySession fresh = TidewaySession.builder().config("spark.log.level", "error").getOrCreate();
        try {
            assertEquals(Level.SEVERE, tideway.getLevel());
            assertEquals(Level.SEVERE, root.getLevel());
            assertEquals("error", fresh.conf().get("spark.log.level"), "the text as set, as Spark's conf");
            assertThrows(io.tideway.sql.AnalysisException.class, () -> fresh.conf().set("spark.log.level", "INFO"), "fixed at startup");
        } finally {
            fresh.stop();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TidewaySession.builder().config("spark.log.level", "loud").getOrCreate());
        assertEquals("'LOUD' in spark.log.level is invalid. Invalid value for 'spark.log.level'. Valid values are "
                + "ALL,DEBUG,ERROR,WARN,INFO,OFF,FATAL,TRACE", e.getMessage());
    }
}
