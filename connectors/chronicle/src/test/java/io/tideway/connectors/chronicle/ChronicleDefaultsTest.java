package io.tideway.connectors.chronicle;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Chronicle's analytics and announcer are off by default, and an application's own setting wins. */
class ChronicleDefaultsTest {
    @Test
    void analyticsAndAnnouncerAreOffUnlessTheApplicationChose() {
        Properties unset = new Properties();
        ChronicleDefaults.apply(unset);
        assertEquals("true", unset.getProperty(ChronicleDefaults.ANALYTICS));
        assertEquals("true", unset.getProperty(ChronicleDefaults.ANNOUNCER));

        Properties optedIn = new Properties();
        optedIn.setProperty(ChronicleDefaults.ANALYTICS, "false");
        ChronicleDefaults.apply(optedIn);
        assertEquals("false", optedIn.getProperty(ChronicleDefaults.ANALYTICS));
        assertEquals("true", optedIn.getProperty(ChronicleDefaults.ANNOUNCER));
    }

    @Test
    void loadingAProviderAppliesThemToTheSystemProperties() {
        new ChronicleSourceProvider();
        assertEquals("true", System.getProperty(ChronicleDefaults.ANALYTICS));
    }
}
