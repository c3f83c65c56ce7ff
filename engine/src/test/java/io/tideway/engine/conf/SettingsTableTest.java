package io.tideway.engine.conf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's settings tables come from the declarations: one row per setting, no machine-specific default. */
class SettingsTableTest {
    @Test
    void oneRowPerDeclaredSetting() {
        String md = SettingsTable.markdown();
        for (ConfigEntry<?> e : TidewayConf.entries()) {
            assertEquals(1, md.split("\\| `" + e.key().replace(".", "\\.") + "` \\|", -1).length - 1, e.key());
        }
        assertTrue(md.contains("| `spark.sql.shuffle.partitions` | int | cores (min 2) | > 0 |"), md);
        assertTrue(md.contains("| `spark.sql.streaming.pollingDelay` | time (ms) | `10ms` | >= 0 |"), md);
        assertFalse(md.contains("| " + Runtime.getRuntime().availableProcessors() + " |"));
    }
}
