package io.tideway.perf;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The hardware line every report carries: cores, CPU model, JDK, GC and heap. */
final class Hardware {
    private Hardware() {
    }

    static String line() {
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + "), GC "
                + String.join("/", gcs) + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /**
     * The 1/5/15-minute load averages and the number of runnable tasks (from /proc/loadavg), so a
     * report says how busy the shared box was; "unknown" elsewhere.
     */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + f[0] + " / " + f[1] + " / " + f[2] + " (1/5/15 min) on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    /** Total GC time so far, ms. */
    static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    /** Process CPU time so far, ms. */
    static long cpuMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }
}
