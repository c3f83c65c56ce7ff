package io.tideway.engine.conf;

import io.tideway.sql.TidewaySession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An unknown {@code spark.*}/{@code tideway.*} key is accepted and warned about once; known and foreign keys are not. */
class SettingWarningsTest {
    @Test
    void unknownKeyWarnedOnce() {
        Logger logger = Logger.getLogger(SettingWarnings.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
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
        logger.addHandler(capture);
        try {
            TidewaySession spark = TidewaySession.builder().getOrCreate().newSession();
            spark.conf().set("spark.sql.shufle.partitions", "4");
            spark.conf().set("spark.sql.shufle.partitions", "5");
            spark.conf().set("tideway.continuous.ringsize", "64");
            spark.conf().set("spark.sql.shuffle.partitions", "4");
            spark.conf().set("my.app.setting", "x");
            assertEquals("5", spark.conf().get("spark.sql.shufle.partitions"), "an unknown key is kept, as Spark keeps it");
            List<String> warned = records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
            assertEquals(2, warned.size(), warned.toString());
            assertTrue(warned.get(0).startsWith("Ignoring unknown setting spark.sql.shufle.partitions"), warned.get(0));
            assertTrue(warned.get(1).startsWith("Ignoring unknown setting tideway.continuous.ringsize: Tideway does not read it "
                    + "(did you mean tideway.continuous.ringSize? keys are case-sensitive)"), warned.get(1));
            spark.conf().set("spark.sql.adaptive.enabled", "true");
            spark.conf().set("spark.sql.adaptive.enabled", "false");
            assertEquals(3, records.size());
            assertEquals("Ignoring setting spark.sql.adaptive.enabled: Tideway accepts it, as Spark does, but it has no effect",
                    records.get(2).getMessage());
            spark.conf().set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
            assertEquals("Ignoring Spark setting spark.serializer: Tideway runs inside this JVM without Spark's core, so it has "
                    + "no effect", records.get(3).getMessage());
        } finally {
            logger.removeHandler(capture);
        }
    }
}
