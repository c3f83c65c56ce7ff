package io.tideway.sql;

import io.tideway.api.java.function.MapFunction;
import io.tideway.engine.encoders.KeyConversion;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.List;

/**
 * Spark's {@code RelationalGroupedDataset.as(keyEncoder, valueEncoder)}: the rows grouped by the
 * grouping columns, each group's key read from those columns by {@code keyEncoder} and each row
 * read whole by {@code valueEncoder}. Built on {@code groupByKey} over (key struct, value struct)
 * pairs; an encoder's fields are matched to the columns by name when every one of them is a
 * column (beans), else by position (tuples, single values), as Spark resolves them.
 */
final class GroupingColumnsAsKeys {
    private GroupingColumnsAsKeys() {
    }

    static <K, T> KeyValueGroupedDataset<K, T> group(TidewaySession session, LogicalPlan child, List<Column> grouping,
                                                     Encoder<K> keyEncoder, Encoder<T> valueEncoder) {
        Dataset<Row> df = Dataset.ofRows(session, child);
        Column[] groupingColumns = grouping.toArray(new Column[0]);
        Column[] keys = ordered(groupingColumns, df.select(groupingColumns).columns(), ObjectEncoder.of(keyEncoder).schema());
        Column[] all = Arrays.stream(df.columns()).map(df::col).toArray(Column[]::new);
        Column[] values = ordered(all, df.columns(), ObjectEncoder.of(valueEncoder).schema());
        Dataset<Row> pairs = df.select(functions.struct(keys).as("key"), functions.struct(values).as("value"));
        KeyConversion<Row, K> toKey = conversion(pairs.schema(), 0, keyEncoder);
        KeyConversion<Row, T> toValue = conversion(pairs.schema(), 1, valueEncoder);
        return pairs.groupByKey((MapFunction<Row, K>) r -> toKey.convert(r.getStruct(0)), keyEncoder)
                .mapValues((MapFunction<Row, T>) r -> toValue.convert(r.getStruct(1)), valueEncoder);
    }

    private static <X> KeyConversion<Row, X> conversion(StructType pairs, int field, Encoder<X> target) {
        StructType struct = (StructType) pairs.apply(field).dataType();
        return new KeyConversion<>(ObjectEncoder.of(Encoders.row(struct)), ObjectEncoder.of(target));
    }

    /** {@code columns} (named {@code names}) in the order of {@code target}'s fields when it names them all. */
    private static Column[] ordered(Column[] columns, String[] names, StructType target) {
        List<String> have = Arrays.asList(names);
        String[] wanted = target.fieldNames();
        if (!have.containsAll(Arrays.asList(wanted))) {
            return columns;
        }
        return Arrays.stream(wanted).map(n -> columns[have.indexOf(n)]).toArray(Column[]::new);
    }
}
