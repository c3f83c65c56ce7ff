package io.tideway.engine.sink.file;

import io.tideway.engine.datasource.DataSourceErrors;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code partitionBy} columns of a file write, resolved against the written schema: their
 * ordinals and names, and the data columns the files hold (the others, in order). Checks, in
 * Spark's words, that every column exists and that some column is left. Immutable.
 */
record OutputPartitioning(StructType schema, int[] partitionOrdinals, String[] names, int[] dataOrdinals,
                          StructType dataSchema) {

    static OutputPartitioning of(StructType schema, List<String> partitionBy) {
        int[] ordinals = new int[partitionBy.size()];
        String[] names = new String[ordinals.length];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = ordinal(schema, partitionBy.get(i));
            names[i] = schema.apply(ordinals[i]).name();
        }
        if (ordinals.length > 0 && ordinals.length >= schema.length()) {
            throw DataSourceErrors.allPartitionColumns();
        }
        List<Integer> data = new ArrayList<>();
        StructType dataSchema = new StructType();
        for (int i = 0; i < schema.length(); i++) {
            int at = i;
            if (java.util.Arrays.stream(ordinals).noneMatch(o -> o == at)) {
                data.add(i);
                dataSchema = dataSchema.add(schema.apply(i));
            }
        }
        return new OutputPartitioning(schema, ordinals, names, data.stream().mapToInt(Integer::intValue).toArray(), dataSchema);
    }

    private static int ordinal(StructType schema, String name) {
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw DataSourceErrors.partitionColumnNotFound(name, schema);
    }

    boolean isPartitioned() {
        return partitionOrdinals.length > 0;
    }
}
