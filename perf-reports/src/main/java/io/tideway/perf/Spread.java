package io.tideway.perf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median and range of one figure over a configuration's runs. Immutable. */
record Spread(double median, double min, double max, int runs) {
    static <T> Spread of(List<T> runs, ToDoubleFunction<T> figure) {
        List<Double> values = new ArrayList<>();
        for (T r : runs) {
            values.add(figure.applyAsDouble(r));
        }
        Collections.sort(values);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        return new Spread(median, values.get(0), values.get(n - 1), n);
    }

    /** {@code median (min–max)} with a precision that suits the magnitude. */
    String format() {
        if (runs == 1) {
            return fmt(median);
        }
        return fmt(median) + " (" + fmt(min) + "–" + fmt(max) + ")";
    }

    /** As {@link #format()}, rounded to whole numbers (counts, ms). */
    String formatWhole() {
        return runs == 1 ? String.format("%.0f", median)
                : String.format("%.0f (%.0f–%.0f)", median, min, max);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format("%.2f G", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format("%.2f M", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format("%.0f", v);
        }
        if (a >= 100) {
            return String.format("%.0f", v);
        }
        if (a >= 10) {
            return String.format("%.1f", v);
        }
        return String.format("%.2f", v);
    }
}
