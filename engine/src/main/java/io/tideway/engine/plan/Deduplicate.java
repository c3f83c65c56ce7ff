package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * {@code dropDuplicates(cols)} / {@code dropDuplicatesWithinWatermark(cols)}: the first row per
 * key passes, later ones are dropped. Streaming, it keeps seen keys in state: forever, until the
 * watermark passes the key's event time (an event-time column among the keys), or — within
 * watermark — until the watermark passes the first row's event time plus the delay.
 */
public final class Deduplicate extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final int[] keyOrdinals;
    private final boolean withinWatermark;

    public Deduplicate(int[] keyOrdinals, boolean withinWatermark, LogicalPlan child) {
        super(child);
        this.keyOrdinals = keyOrdinals.clone();
        this.withinWatermark = withinWatermark;
        for (int k : this.keyOrdinals) {
            VariantRefusals.requireComparable(child.schema().apply(k), child);
        }
    }

    public int[] keyOrdinals() {
        return keyOrdinals.clone();
    }

    public boolean withinWatermark() {
        return withinWatermark;
    }

    @Override
    public StructType schema() {
        return child().schema();
    }

    @Override
    public String nodeName() {
        return withinWatermark ? "DeduplicateWithinWatermark" : "Deduplicate";
    }

    @Override
    protected String argString() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        Arrays.stream(keyOrdinals).forEach(i -> j.add(child().schema().apply(i).name()));
        return j.toString();
    }

    @Override
    public Deduplicate withNewChild(LogicalPlan child) {
        return new Deduplicate(keyOrdinals, withinWatermark, child);
    }
}
