package io.tideway.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of one log file plus the checks every log format shares: the {@code v<N>} version
 * line and "is there a line i". Keeps the file path so every failure can name it.
 *
 * <p>Threading: immutable after {@link #parse}; confined to the reading thread in practice.
 */
final class LogText {
    private final Path file;
    private final List<String> lines;

    private LogText(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * Splits on '\n' the way Scala's {@code Source.getLines} does: one trailing newline does not
     * create an extra empty line, but an empty line in the middle (continuous mode's missing
     * metadata) is kept.
     */
    static LogText parse(String text, Path file) {
        if (text.isEmpty()) {
            return new LogText(file, List.of());
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return new LogText(file, lines);
    }

    int lineCount() {
        return lines.size();
    }

    /** Line {@code i}, failing with the file named when the file is shorter (truncated). */
    String line(int i) {
        if (i >= lines.size()) {
            throw fail("Incomplete log file: expected at least " + (i + 1) + " lines but found " + lines.size() + ".");
        }
        return lines.get(i);
    }

    /** Checks line 0 is {@code v<N>} with 0 < N <= maxSupported and returns N. */
    int validateVersion(int maxSupported) {
        if (lines.isEmpty()) {
            throw fail("Incomplete log file: the file is empty.");
        }
        String text = lines.get(0);
        if (text.length() > 1 && text.charAt(0) == 'v') {
            int version;
            try {
                version = Integer.parseInt(text.substring(1));
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (version > maxSupported) {
                throw fail("UnsupportedLogVersion: maximum supported log version is v" + maxSupported
                        + ", but encountered v" + version + ". The log file was produced by a newer version of"
                        + " Tideway and cannot be read by this version. Please upgrade.");
            }
            if (version > 0) {
                return version;
            }
        }
        throw fail("Log file was malformed: failed to read correct log version from " + text + ".");
    }

    CheckpointException fail(String detail) {
        return new CheckpointException("Failed to read log file " + file.toAbsolutePath() + ". " + detail);
    }

    CheckpointException fail(String detail, Throwable cause) {
        return new CheckpointException("Failed to read log file " + file.toAbsolutePath() + ". " + detail, cause);
    }
}
