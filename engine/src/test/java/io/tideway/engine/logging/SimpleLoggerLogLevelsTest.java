package io.tideway.engine.logging;

import io.tideway.sql.TidewaySession;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * setLogLevel with a backend whose levels cannot change (slf4j-simple fixes them when it starts;
 * engine/pom.xml's simple-levels surefire run): a WARN names the backend, nothing is thrown.
 */
class SimpleLoggerLogLevelsTest {
    @Test
    void warnsNamingTheBackend() {
        assumeTrue(LoggerFactory.getILoggerFactory().getClass().getName().equals("org.slf4j.simple.SimpleLoggerFactory"),
                "runs where slf4j-simple is the bound backend");
        TidewaySession spark = TidewaySession.builder().getOrCreate();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            spark.sparkContext().setLogLevel("debug");
        } finally {
            System.setErr(err);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("WARN io.tideway.engine.logging.LogLevels - setLogLevel(DEBUG)"
                + " cannot change the levels of the SLF4J backend org.slf4j.simple.SimpleLoggerFactory: set them in its"
                + " configuration"), captured.toString(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> spark.sparkContext().setLogLevel("LOUD"));
    }
}
