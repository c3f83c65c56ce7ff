package io.tideway.connectors.chronicle;

import io.tideway.engine.spi.Options;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.queue.rollcycles.SparseRollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Option {@code rollCycle}: the roll cycle of a queue Tideway creates at {@code path} (default
 * {@code FAST_DAILY}); an existing queue keeps the cycle recorded in its files. Names are
 * Chronicle's enum constants ({@code RollCycles}, {@code TestRollCycles}, {@code LargeRollCycles},
 * {@code SparseRollCycles}). Stateless.
 */
final class RollCycleOption {
    static final String OPTION = "rollCycle";
    static final String DEFAULT = "FAST_DAILY";

    private RollCycleOption() {
    }

    static RollCycle parse(Options options) {
        String v = options.getOrDefault(OPTION, DEFAULT).trim().toUpperCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(RollCycles.class, TestRollCycles.class,
                LargeRollCycles.class, SparseRollCycles.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                if (e.name().equals(v)) {
                    return (RollCycle) e;
                }
                names.add(e.name());
            }
        }
        throw new IllegalArgumentException("Invalid value '" + options.get(OPTION).orElse("") + "' for option '" + OPTION
                + "', must be one of " + names);
    }
}
