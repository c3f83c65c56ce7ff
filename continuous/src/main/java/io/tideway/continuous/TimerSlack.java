package io.tideway.continuous;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's Linux timer slack: how late the kernel may fire its timers so that it can
 * batch wake-ups (50 µs by default). A thread that parks to a row's due time pays it on every
 * park: here a 40 µs park woke 83 µs late at the median with the default slack and 30 µs late
 * with 1 ns, so with the default a paced reader must spin through most of every gap between rows
 * at 10k rows/s. A thread may set its own slack without privileges through
 * {@code /proc/<tid>/timerslack_ns}; elsewhere (another OS, no {@code /proc}) nothing changes.
 *
 * <p>Threading: stateless; it changes only the calling thread.
 */
final class TimerSlack {
    /** The slack a waiting thread asks for. */
    static final long WAITER_SLACK_NANOS = 1_000;

    private TimerSlack() {
    }

    /** Sets the calling thread's timer slack to {@code nanos}; false where the OS does not allow it. */
    static boolean setForCurrentThread(long nanos) {
        try {
            Files.write(currentThreadsFile(), Long.toString(nanos).getBytes(StandardCharsets.US_ASCII));
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The calling thread's timer slack in ns, or -1 where it cannot be read. */
    static long ofCurrentThread() {
        try {
            return Long.parseLong(Files.readString(currentThreadsFile()).trim());
        } catch (IOException | UnsupportedOperationException | SecurityException | NumberFormatException e) {
            return -1;
        }
    }

    /** /proc/thread-self links to {@code <pid>/task/<tid>}; the per-thread file is {@code /proc/<tid>/timerslack_ns}. */
    private static Path currentThreadsFile() throws IOException {
        Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
        return Path.of("/proc", self.getFileName().toString(), "timerslack_ns");
    }
}
