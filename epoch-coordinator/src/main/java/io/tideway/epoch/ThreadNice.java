package io.tideway.epoch;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Sets the calling thread's nice value, so background work (the epoch coordinator's commits)
 * yields the CPU to the data-path threads instead of preempting them when it wakes. Linux only:
 * {@code setpriority(PRIO_PROCESS, gettid(), nice)} applies to one thread there. Raising the
 * value needs no privilege; lowering it below the current one does, and then fails. Elsewhere, or
 * on any failure (no JNA native library, a libc without {@code gettid}), it changes nothing and
 * returns false. Any thread, for itself.
 */
public final class ThreadNice {
    private static final int PRIO_PROCESS = 0;

    private ThreadNice() {
    }

    /** The libc calls used; loaded on first use. */
    private interface LibC extends Library {
        int gettid();

        int setpriority(int which, int who, int prio);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    /**
     * @param nice -20 (highest priority) to 19 (lowest); 0 is the default
     * @return true if the calling thread now runs at {@code nice}
     */
    public static boolean setCurrentThread(int nice) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be in [-20, 19], was " + nice);
        }
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            LibC libc = Holder.LIBC;
            return libc.setpriority(PRIO_PROCESS, libc.gettid(), nice) == 0;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError from a failed load: keep the default
            return false;
        }
    }
}
