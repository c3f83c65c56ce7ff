package io.tideway.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.Resolver;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spark 4's {@code Dataset.transpose}: the non-index columns become rows (a {@code key} column of
 * their names) and the index column's distinct non-null values, sorted and cast to strings, become
 * the columns, every value cast to the non-index columns' tightest common type. Spark runs the
 * Dataset when it analyses the transpose, and so does this (at most
 * {@code spark.sql.transposeMaxValues}, 500, rows). Stateless.
 */
final class DatasetTranspose {
    private static final String MAX_VALUES = "spark.sql.transposeMaxValues";
    private static final List<DataType> NUMERIC_PRECEDENCE = List.of(DataTypes.ByteType, DataTypes.ShortType,
            DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType);

    private DatasetTranspose() {
    }

    /** {@code df} transposed on its column {@code index} ({@code null}: the first column). */
    static Dataset<Row> transpose(Dataset<Row> df, Column index) {
        StructType schema = df.schema();
        if (schema.length() == 0) {
            return Dataset.ofRows(df.sparkSession(), new LocalRelation(new StructType(), List.of()));
        }
        int at = index == null ? 0 : ordinal(df, index);
        StructField indexField = schema.fields()[at];
        if (!atomic(indexField.dataType())) {
            throw invalidIndex("Index column must be of atomic type, but found: " + indexField.dataType());
        }
        List<StructField> others = new ArrayList<>();
        for (int i = 0; i < schema.length(); i++) {
            if (i != at) {
                others.add(schema.fields()[i]);
            }
        }
        DataType common = DataTypes.StringType;
        for (int i = 0; i < others.size(); i++) {
            common = i == 0 ? others.get(0).dataType() : tightest(common, others.get(i).dataType());
        }
        Column indexColumn = column(df, at);
        List<Column> casts = new ArrayList<>();
        casts.add(indexColumn.cast(DataTypes.StringType));
        for (int i = 0; i < schema.length(); i++) {
            if (i != at) {
                casts.add(column(df, i).cast(common));
            }
        }
        int max = Integer.parseInt(df.sparkSession().conf().get(MAX_VALUES, "500"));
        List<Row> rows = df.filter(indexColumn.isNotNull()).sort(indexColumn.asc())
                .select(casts.toArray(new Column[0])).limit(max + 1).collectAsList();
        List<StructField> fields = new ArrayList<>();
        fields.add(new StructField("key", DataTypes.StringType, false, io.tideway.sql.types.Metadata.empty()));
        if (rows.size() > max) {
            throw Unchecked.raise(new AnalysisException("TRANSPOSE_EXCEED_ROW_LIMIT", Map.of(
                    "maxValues", String.valueOf(max), "config", MAX_VALUES)));
        }
        for (Row r : rows) {
            fields.add(new StructField(r.getString(0), common, true, io.tideway.sql.types.Metadata.empty()));
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            Object[] values = new Object[rows.size() + 1];
            values[0] = others.get(i).name();
            for (int j = 0; j < rows.size(); j++) {
                values[j + 1] = rows.get(j).get(i + 1);
            }
            out.add(RowFactory.create(values));
        }
        return Dataset.ofRows(df.sparkSession(), new LocalRelation(new StructType(fields.toArray(new StructField[0])), out));
    }

    /** The ordinal of the index column: an attribute of {@code df}, else Spark's "must be an atomic attribute". */
    private static int ordinal(Dataset<Row> df, Column index) {
        Expression e = index.expr();
        if (!(e instanceof io.tideway.engine.expr.UnresolvedAttribute)) {
            throw invalidIndex("Index column must be an atomic attribute");
        }
        Expression resolved = Resolver.resolve(e, df.logicalPlan());
        if (!(resolved instanceof BoundReference b)) {
            throw invalidIndex("Index column must be an atomic attribute");
        }
        return b.ordinal();
    }

    private static Column column(Dataset<Row> df, int i) {
        return new Column(Resolver.reference(df.schema(), i));
    }

    private static boolean atomic(DataType t) {
        return !(t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t == DataTypes.NullType
                || t == DataTypes.CalendarIntervalType || "variant".equals(t.typeName()));
    }

    /** Spark's ANSI {@code findTightestCommonType}; Spark's error when there is none. */
    private static DataType tightest(DataType a, DataType b) {
        if (a.equals(b) || b == DataTypes.NullType) {
            return a;
        }
        if (a == DataTypes.NullType) {
            return b;
        }
        int x = NUMERIC_PRECEDENCE.indexOf(a);
        int y = NUMERIC_PRECEDENCE.indexOf(b);
        if (x >= 0 && y >= 0) {
            return NUMERIC_PRECEDENCE.get(Math.max(x, y));
        }
        throw Unchecked.raise(new AnalysisException("TRANSPOSE_NO_LEAST_COMMON_TYPE", Map.of(
                "dt1", ErrorParams.type(a), "dt2", ErrorParams.type(b))));
    }

    private static RuntimeException invalidIndex(String reason) {
        return Unchecked.raise(new AnalysisException("TRANSPOSE_INVALID_INDEX_COLUMN", Map.of("reason", reason)));
    }
}
