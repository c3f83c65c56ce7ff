package io.tideway.engine.conf;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A setting's alternative names ({@code tideway.ui.port} for {@code spark.ui.port}): read when the
 * key is not given, checked under their own name.
 */
class ConfigAlternativesTest {
    @Test
    void theKeyWinsThenTheAlternativeThenTheDefault() {
        assertEquals(4040, TidewayConf.UI_PORT.get(Map.of()));
        assertEquals(4041, TidewayConf.UI_PORT.get(Map.of("tideway.ui.port", "4041")));
        assertEquals(4042, TidewayConf.UI_PORT.get(Map.of("tideway.ui.port", "4041", "spark.ui.port", "4042")));
        assertEquals(true, TidewayConf.UI_ENABLED.get(Map.of("tideway.ui.enabled", "true")));
        assertEquals("127.0.0.1", TidewayConf.UI_HOST.get(Map.of()));
    }

    @Test
    void anAlternativeIsCheckedUnderItsOwnName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TidewayConf.validate("tideway.ui.port", "-1"));
        assertEquals("'-1' in tideway.ui.port is invalid. must be a port, 0 to 65535 (0: any free port)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TidewayConf.validate("tideway.ui.host", "two words"));
        TidewayConf.validate("tideway.ui.host", "::1");
        TidewayConf.validate("tideway.ui.host", "0.0.0.0");
        TidewayConf.validate("tideway.ui.host", "localhost");
        assertFalse(TidewayConf.isUnknown("tideway.ui.enabled"), "known, so not warned about");
    }
}
