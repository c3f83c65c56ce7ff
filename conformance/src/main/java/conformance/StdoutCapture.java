package conformance;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends {@code System.out} to the running case's output, so what the console sink prints is part
 * of the case. Installed once, before the engine starts: Spark's console sink prints through
 * Scala's {@code Console}, which takes {@code System.out} the first time it is used and keeps it.
 * Between cases, output goes to the real stdout.
 */
final class StdoutCapture extends OutputStream {
    private final PrintStream original;
    /** The case receiving stdout, or null; set by the runner's thread, read by any printing thread. */
    private volatile CaseContext target;
    /** The current line's bytes, decoded when it ends (guarded by this). */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private StdoutCapture(PrintStream original) {
        this.original = original;
    }

    static StdoutCapture install() {
        StdoutCapture capture = new StdoutCapture(System.out);
        System.setOut(new PrintStream(capture, true, StandardCharsets.UTF_8));
        return capture;
    }

    void captureInto(CaseContext ctx) {
        flushPending();
        target = ctx;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        CaseContext t = target;
        if (t == null) {
            original.write(b, off, len);
            return;
        }
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                t.println(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else {
                pending.write(b[i]);
            }
        }
    }

    private synchronized void flushPending() {
        CaseContext t = target;
        if (t != null && pending.size() > 0) {
            t.println(pending.toString(StandardCharsets.UTF_8));
        }
        pending.reset();
    }

    @Override
    public void flush() {
        original.flush();
    }
}
