package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Which queue a source or sink means: exactly one of option {@code path} (a queue directory) or
 * {@code queue} (a name registered with {@link ChronicleQueues}). Immutable.
 */
record QueueRef(Path path, String name) {
    static final String PATH = "path";
    static final String QUEUE = "queue";

    /** Parses the options; {@code mustExist} requires the directory of a {@code path}, or the registration of a {@code queue}, to exist (sources). */
    static QueueRef parse(Options options, boolean mustExist) {
        boolean hasPath = options.contains(PATH);
        boolean hasQueue = options.contains(QUEUE);
        if (hasPath == hasQueue) {
            throw new IllegalArgumentException("Exactly one of the options 'path' (a Chronicle queue directory) or 'queue'"
                    + " (a queue registered with ChronicleQueues.register) must be specified"
                    + (hasPath ? ", but both were" : ""));
        }
        if (hasQueue) {
            String name = options.get(QUEUE).orElseThrow().trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Invalid value '' for option 'queue': must name a registered queue");
            }
            if (mustExist) {
                ChronicleQueues.lookup(name);
            }
            return new QueueRef(null, name);
        }
        String text = options.get(PATH).orElseThrow().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Invalid value '' for option 'path': must be a Chronicle queue directory");
        }
        Path dir = Paths.get(text).toAbsolutePath().normalize();
        if (mustExist && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Invalid value '" + text + "' for option 'path': the Chronicle queue"
                    + " directory " + dir + " does not exist");
        }
        return new QueueRef(dir, null);
    }

    @Override
    public String toString() {
        return name != null ? "queue=" + name : "path=" + path;
    }
}
