package io.tideway.engine.conf;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings a new session starts from before the builder's own, in Spark's precedence (lowest
 * first): the {@code tideway-defaults.conf} file (Spark's {@code spark-defaults.conf}: in
 * {@code $TIDEWAY_CONF_DIR}, else {@code $TIDEWAY_HOME/conf}; Java properties format, key and value
 * separated by whitespace, {@code =} or {@code :}, values trimmed), then {@code -Dspark.*} and
 * {@code -Dtideway.*} system properties (what {@code spark-submit --conf} sets). The builder's
 * {@code config(...)} overrides both. Stateless.
 */
public final class DefaultSettings {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSettings.class);
    /** The file's name, as Spark's {@code spark-defaults.conf}. */
    public static final String FILE_NAME = "tideway-defaults.conf";
    /** System properties of Tideway's own tools, which are not session settings. */
    private static final Set<String> TOOL_PROPERTIES = Set.of("tideway.jvm.flags", "tideway.perf.results");

    private DefaultSettings() {
    }

    /** The file's settings and the system properties, for this process's environment. */
    public static Map<String, String> load() {
        return load(System.getenv(), System.getProperties());
    }

    /** As {@link #load()}, with the environment and system properties given. */
    public static Map<String, String> load(Map<String, String> env, Properties systemProperties) {
        Map<String, String> settings = new LinkedHashMap<>();
        Path file = file(env);
        if (file != null) {
            settings.putAll(read(file));
        }
        for (String key : systemProperties.stringPropertyNames()) {
            if ((key.startsWith("spark.") || key.startsWith("tideway.")) && !TOOL_PROPERTIES.contains(key)) {
                settings.put(key, systemProperties.getProperty(key));
            }
        }
        return settings;
    }

    /** {@code $TIDEWAY_CONF_DIR/tideway-defaults.conf}, else {@code $TIDEWAY_HOME/conf/tideway-defaults.conf}, if it is a file. */
    static Path file(Map<String, String> env) {
        String dir = env.get("TIDEWAY_CONF_DIR");
        if (dir == null && env.get("TIDEWAY_HOME") != null) {
            dir = Path.of(env.get("TIDEWAY_HOME"), "conf").toString();
        }
        if (dir == null) {
            return null;
        }
        Path f = Path.of(dir, FILE_NAME);
        return Files.isRegularFile(f) ? f : null;
    }

    /** The file's {@code spark.*} and {@code tideway.*} settings, values trimmed, as Spark reads its defaults file. */
    static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed when loading Tideway properties from " + file, e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("spark.") || key.startsWith("tideway.")) {
                settings.put(key, p.getProperty(key).trim());
            } else {
                LOG.warn("Ignoring non-Spark config property: {}", key);
            }
        }
        return settings;
    }
}
