package io.tideway.sql;

import io.tideway.SparkNoSuchElementException;
import scala.Option;
import org.junit.jupiter.api.Test;

import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.*;

/** The session helpers every ported program calls; expected values are what Spark 4.0.4 printed. */
class SessionHelpersTest {
    private final TidewaySession spark = TidewaySession.builder().master("local[2]").appName("helpers").getOrCreate();

    @Test
    void versionIsTheSparkReleaseTidewayFollows() {
        assertEquals("4.0.4", spark.version());
        assertEquals("4.0.4", spark.sparkContext().version());
        assertEquals("helpers", spark.sparkContext().appName());
    }

    @Test
    void setLogLevelRefusesUnknownLevelsInSparksWords() {
        // each backend's levels: io.tideway.engine.logging.*LogLevelsTest
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spark.sparkContext().setLogLevel("LOUD"));
        assertEquals("requirement failed: Supplied level LOUD did not match one of: ALL,DEBUG,ERROR,WARN,INFO,OFF,FATAL,TRACE",
                e.getMessage());
    }

    @Test
    void confGetSetUnsetAndModifiability() {
        TidewaySession s = spark.newSession();
        RuntimeConfig conf = s.conf();
        assertEquals("100", conf.get("spark.sql.streaming.numRecentProgressUpdates"));
        assertEquals("dflt", conf.get("foo.bar", "dflt"));
        assertEquals("None", conf.getOption("foo.bar").toString());
        SparkNoSuchElementException missing = assertThrows(SparkNoSuchElementException.class, () -> conf.get("foo.bar"));
        assertEquals("[SQL_CONF_NOT_FOUND] The SQL config \"foo.bar\" cannot be found. Please verify that the config exists. "
                + "SQLSTATE: 42K0I", missing.getMessage());
        assertEquals("SQL_CONF_NOT_FOUND", missing.getCondition());
        assertEquals("42K0I", missing.getSqlState());
        assertInstanceOf(NoSuchElementException.class, missing);

        conf.set("foo.bar", "1");
        assertEquals("1", conf.get("foo.bar"));
        assertEquals("Some(1)", conf.getOption("foo.bar").toString());
        assertEquals("1", conf.getAll().get("foo.bar"));
        conf.unset("foo.bar");
        assertTrue(conf.getOption("foo.bar").isEmpty());

        conf.set("spark.sql.streaming.numRecentProgressUpdates", 5L);
        assertEquals("5", conf.get("spark.sql.streaming.numRecentProgressUpdates"));
        conf.unset("spark.sql.streaming.numRecentProgressUpdates");
        assertEquals("100", conf.get("spark.sql.streaming.numRecentProgressUpdates"));

        conf.set("spark.master", "local[1]"); // accepted, as Spark
        AnalysisException refused = assertThrows(AnalysisException.class, () -> conf.set("spark.sql.warehouse.dir", "/tmp/x"));
        assertEquals("[CANNOT_MODIFY_CONFIG] Cannot modify the value of the Spark config: \"spark.sql.warehouse.dir\".\n"
                + "See also 'https://spark.apache.org/docs/latest/sql-migration-guide.html#ddl-statements'. SQLSTATE: 46110",
                refused.getMessage());
        assertThrows(AnalysisException.class, () -> conf.set("spark.executor.memory", "1g"));

        assertTrue(conf.isModifiable("spark.sql.shuffle.partitions"));
        assertTrue(conf.isModifiable("spark.sql.streaming.checkpointLocation"));
        assertFalse(conf.isModifiable("spark.master"));
        assertFalse(conf.isModifiable("foo.bar"));
        assertFalse(conf.isModifiable("spark.sql.warehouse.dir"));
    }
}
