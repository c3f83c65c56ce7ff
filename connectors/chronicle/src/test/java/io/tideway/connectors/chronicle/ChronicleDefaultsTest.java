package io.tideway.connectors.chronicle;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theTestJvmHasEveryFlagChronicleNeeds() {
        // the build's jvm.flags give them: nothing is missing, so creating a source or sink passes the check
        assertEquals(List.of(), ChronicleDefaults.missingFlags(ChronicleDefaults.class.getModule()));
    }

    @Test
    void aNamedModuleWithoutTheFlagsIsToldEveryFlag() {
        // java.sql's module was given none of the exports or opens: each flag is named
        List<String> missing = ChronicleDefaults.missingFlags(java.sql.Connection.class.getModule());
        assertTrue(missing.contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"), missing.toString());
        assertTrue(missing.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"), missing.toString());
        assertEquals(5, missing.size(), missing.toString());
    }
}
