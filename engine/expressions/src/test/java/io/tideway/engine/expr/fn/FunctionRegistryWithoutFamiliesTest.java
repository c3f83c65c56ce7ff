package io.tideway.engine.expr.fn;

import org.junit.jupiter.api.Test;

import java.net.URLClassLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This module's own class path has no function family (the library, tideway-functions, sits above
 * it): the registry must say which services file is missing rather than start empty, where every
 * call would fail as an unknown function.
 */
class FunctionRegistryWithoutFamiliesTest {
    private static final String SERVICES_FILE = "META-INF/services/io.tideway.engine.expr.fn.FunctionFamily";

    @Test
    void aClassPathWithoutTheServicesFileNamesIt() throws Exception {
        ClassLoader testLoader = FunctionRegistryWithoutFamiliesTest.class.getClassLoader();
        assertNull(testLoader.getResource(SERVICES_FILE), "a family on the core's class path");
        // a loader of its own, so the registry initialises here whatever other tests of this JVM did
        try (URLClassLoader isolated = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            ExceptionInInitializerError e = assertThrows(ExceptionInInitializerError.class,
                    () -> Class.forName(FunctionRegistry.class.getName(), true, isolated));
            assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
            assertEquals("No function family found: " + SERVICES_FILE + " is missing from the class path"
                    + " (tideway-functions provides it; a shaded jar must merge META-INF/services files)",
                    e.getCause().getMessage());
        }
    }

    private static java.net.URL[] classPath() throws Exception {
        String[] entries = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
        java.net.URL[] urls = new java.net.URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = new java.io.File(entries[i]).toURI().toURL();
        }
        return urls;
    }
}
