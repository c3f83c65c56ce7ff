package io.tideway.engine.catalog;

import java.util.List;

/**
 * What a table's definition says besides its columns, as Spark's session catalog keeps it: the
 * partition columns (a {@code col=value/} directory each), the bucket and clustering columns
 * (recorded and listed; Tideway writes the files unbucketed and unclustered, which reads back the
 * same rows), the table's comment, and whether it is external (its files are the user's: dropping
 * the table keeps them). Immutable.
 *
 * @param description the comment ({@code createTable(..., description, ...)}), or null
 */
public record TableLayout(List<String> partitionColumns, List<String> bucketColumns, List<String> clusterColumns,
                          String description, boolean external) {
    /** A managed table with none of these. */
    public static final TableLayout NONE = new TableLayout(List.of(), List.of(), List.of(), null, false);

    public TableLayout {
        partitionColumns = List.copyOf(partitionColumns);
        bucketColumns = List.copyOf(bucketColumns);
        clusterColumns = List.copyOf(clusterColumns);
    }

    /** Spark's {@code tableType}: {@code EXTERNAL} for a table over the user's files, else {@code MANAGED}. */
    public String tableType() {
        return external ? "EXTERNAL" : "MANAGED";
    }
}
