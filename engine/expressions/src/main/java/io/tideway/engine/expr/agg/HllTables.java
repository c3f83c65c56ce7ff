package io.tideway.engine.expr.agg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HyperLogLog++'s empirical bias-correction data as Spark 4.0 holds it: per precision (4..18) the
 * raw estimates and their biases, and the cardinality below which linear counting is used. Read
 * once from {@code hll-bias.txt}; immutable, safe from any thread.
 */
final class HllTables {
    static final double[][] RAW_ESTIMATES;
    static final double[][] BIASES;
    static final double[] THRESHOLDS;

    static {
        List<double[]> raw = new ArrayList<>();
        List<double[]> bias = new ArrayList<>();
        List<double[]> thresholds = new ArrayList<>();
        try (InputStream in = HllTables.class.getResourceAsStream("hll-bias.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            List<double[]> section = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("# RAW_ESTIMATE_DATA")) {
                    section = raw;
                } else if (line.startsWith("# BIAS_DATA")) {
                    section = bias;
                } else if (line.startsWith("# THRESHOLDS")) {
                    section = thresholds;
                } else if (!line.startsWith("#") && section != null) {
                    String[] parts = line.trim().split(" ");
                    double[] values = new double[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        values[i] = Double.parseDouble(parts[i]);
                    }
                    section.add(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RAW_ESTIMATES = raw.toArray(new double[0][]);
        BIASES = bias.toArray(new double[0][]);
        THRESHOLDS = thresholds.get(0);
    }

    private HllTables() {
    }
}
