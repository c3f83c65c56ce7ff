package io.tideway.perf;

import io.tideway.continuous.ContinuousWait;

/**
 * The {@code --wait} option of the perf scenarios: the names of
 * {@code tideway.continuous.waitStrategy}, turned into waits by the engine's own
 * {@link ContinuousWait}, so the bare-ring baseline's consumer waits with the engine task's
 * classes and its producer idles with the engine reader's, and the baseline's gap to Tideway is
 * the engine's own cost, not a difference of waits.
 */
final class WaitStrategies {
    static final String[] NAMES = names();

    private WaitStrategies() {
    }

    private static String[] names() {
        ContinuousWait[] waits = ContinuousWait.values();
        String[] names = new String[waits.length];
        for (int i = 0; i < waits.length; i++) {
            names[i] = waits[i].settingName();
        }
        return names;
    }

    /** The wait {@code --wait} names, or an error naming the option and the choices. */
    static ContinuousWait wait(String name) {
        ContinuousWait wait = ContinuousWait.named(name);
        if (wait == null || !wait.settingName().equals(name)) {
            throw new IllegalArgumentException("option --wait must be one of " + ContinuousWait.names() + ", got '"
                    + name + "'");
        }
        return wait;
    }

    static String check(String name) {
        return wait(name).settingName();
    }
}
