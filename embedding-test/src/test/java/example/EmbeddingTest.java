package example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application runs with no JVM flags at all (the README's promise for Tideway without the
 * Chronicle connector): on a plain class path, and as {@code java -jar} of the jar shaded as the
 * README says. Child JVMs, each waited for with a timeout.
 */
class EmbeddingTest {
    private static final Path TARGET = Path.of("target");

    @Test
    void runsOnAPlainClassPathWithNoFlags() throws Exception {
        String cp = TARGET.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(TARGET.resolve("runtime-classpath.txt")).trim();
        assertRan(run(List.of("-cp", cp, "example.EmbeddedApp")));
    }

    @Test
    void runsAsAShadedJarWithNoFlags() throws Exception {
        Path jar = TARGET.resolve("embedded-app.jar");
        assertTrue(Files.exists(jar), "the shaded jar is built at package");
        assertRan(run(List.of("-jar", jar.toString())));
    }

    private static void assertRan(String output) {
        assertTrue(output.contains("micro-batch rows 5"), output);
        assertTrue(output.contains("continuous rows >= 20"), output);
        assertTrue(output.contains("file rows 2"), output);
        assertTrue(output.contains("jdbc Did not find registered driver with class absent.Driver"), output);
    }

    /** Runs {@code java -Xmx256m args...} (and no other flag); its output, after asserting exit 0. */
    private static String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(args);
        Path log = Files.createTempFile("embedded-app", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(3, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(done, "the application finished within 3 minutes:\n" + output);
        assertEquals(0, p.exitValue(), output);
        return output;
    }
}
