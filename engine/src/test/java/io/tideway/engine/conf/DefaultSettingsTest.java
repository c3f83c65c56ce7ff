package io.tideway.engine.conf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code tideway-defaults.conf} and {@code -Dspark.*}/{@code -Dtideway.*}, in Spark's precedence (properties over the file). */
class DefaultSettingsTest {
    @TempDir
    Path dir;

    @Test
    void fileInSparksFormat() throws Exception {
        Files.writeString(dir.resolve("tideway-defaults.conf"), """
                # as spark-defaults.conf
                spark.sql.shuffle.partitions   7
                spark.sql.streaming.pollingDelay=25ms\s\s
                tideway.continuous.ringSize: 64
                other.key 1
                """);
        Map<String, String> s = DefaultSettings.load(Map.of("TIDEWAY_CONF_DIR", dir.toString()), new Properties());
        assertEquals(Map.of("spark.sql.shuffle.partitions", "7", "spark.sql.streaming.pollingDelay", "25ms",
                "tideway.continuous.ringSize", "64"), s);
    }

    @Test
    void homeConfDirWhenNoConfDir() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/tideway-defaults.conf"), "spark.sql.shuffle.partitions 3\n");
        assertEquals("3", DefaultSettings.load(Map.of("TIDEWAY_HOME", dir.toString()), new Properties())
                .get("spark.sql.shuffle.partitions"));
        assertEquals(Map.of(), DefaultSettings.load(Map.of(), new Properties()), "no file, no properties: nothing");
    }

    @Test
    void systemPropertiesOverTheFile() throws Exception {
        Files.writeString(dir.resolve("tideway-defaults.conf"), "spark.sql.shuffle.partitions 7\nspark.app.name fromFile\n");
        Properties props = new Properties();
        props.setProperty("spark.sql.shuffle.partitions", "9");
        props.setProperty("tideway.continuous.rowsPerSlot", "8");
        props.setProperty("java.version", "17");
        props.setProperty("tideway.jvm.flags", "--add-opens");
        Map<String, String> s = DefaultSettings.load(Map.of("TIDEWAY_CONF_DIR", dir.toString()), props);
        assertEquals("9", s.get("spark.sql.shuffle.partitions"));
        assertEquals("8", s.get("tideway.continuous.rowsPerSlot"));
        assertEquals("fromFile", s.get("spark.app.name"));
        assertNull(s.get("java.version"));
        assertFalse(s.containsKey("tideway.jvm.flags"), "a tool's property, not a session setting");
    }

    @Test
    void realSystemPropertyReachesTheLoader() {
        String key = "spark.sql.streaming.numRecentProgressUpdates";
        System.setProperty(key, "7");
        try {
            assertEquals("7", DefaultSettings.load().get(key));
        } finally {
            System.clearProperty(key);
        }
    }
}
