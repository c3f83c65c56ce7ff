package io.tideway.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.agg.QuantileSummary;
import io.tideway.engine.plan.ExtendedAnalysisException;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.stat.FrequentItems;
import io.tideway.engine.stat.LocalSlices;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.NumericType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;
import io.tideway.util.sketch.BloomFilter;
import io.tideway.util.sketch.CountMinSketch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.count_min_sketch;
import static io.tideway.sql.functions.isnull;
import static io.tideway.sql.functions.lit;
import static io.tideway.sql.functions.rand;
import static io.tideway.sql.functions.regexp_replace;
import static io.tideway.sql.functions.when;

/**
 * Statistic functions of a DataFrame, as Spark's {@code df.stat()}: approximate quantiles
 * (Greenwald-Khanna, Spark's summaries), covariance and Pearson correlation, the contingency table
 * ({@code crosstab}), frequent items, stratified sampling ({@code sampleBy}), and Count-min
 * sketches and Bloom filters in Spark's formats. Statistics Spark merges across partitions are
 * computed over Spark's partitions of a local relation or range, so they round as Spark's. Actions
 * need a static Dataset (a stream fails with Spark's message; {@code crosstab} with its pivot's);
 * {@code sampleBy} is a lazy filter that works on streams too. {@code freqItems} runs at once,
 * where Spark's is a lazy aggregate. Immutable.
 */
public final class DataFrameStatFunctions {
    private final Dataset<Row> df;

    DataFrameStatFunctions(Dataset<Row> df) {
        this.df = df;
    }

    /** The DataFrame these functions read. */
    public Dataset<Row> df() {
        return df;
    }

    // ---- quantiles ----

    /** The approximate quantiles at {@code probabilities} (each in [0, 1]) of a numeric column; empty when it holds only nulls and NaNs. */
    public double[] approxQuantile(String col, double[] probabilities, double relativeError) {
        return approxQuantile(new String[] {col}, probabilities, relativeError)[0];
    }

    /** The approximate quantiles of several numeric columns in one pass, within {@code relativeError} (0: exact). */
    public double[][] approxQuantile(String[] cols, double[] probabilities, double relativeError) {
        Dataset<Row> selected = df.select(columns(cols));
        require(relativeError >= 0, "Relative Error must be non-negative but got " + relativeError);
        Column[] asDouble = new Column[cols.length];
        for (int i = 0; i < cols.length; i++) {
            DataType t = selected.schema().fields()[i].dataType();
            require(t instanceof NumericType, "Quantile calculation for column " + cols[i] + " with data type " + t
                    + " is not supported.");
            asDouble[i] = selected.col(cols[i]).cast(DataTypes.DoubleType);
        }
        List<Row> rows = selected.select(asDouble).collectAsList();
        QuantileSummary[] result = summaries(cols.length, relativeError);
        for (List<Row> slice : slices(rows)) {
            QuantileSummary[] partial = summaries(cols.length, relativeError);
            for (Row r : slice) {
                for (int i = 0; i < cols.length; i++) {
                    if (!r.isNullAt(i) && !Double.isNaN(r.getDouble(i))) {
                        partial[i].insert(r.getDouble(i));
                    }
                }
            }
            // Spark's treeAggregate: each partition folded into a fresh zero, then into the result
            for (int i = 0; i < cols.length; i++) {
                QuantileSummary folded = QuantileSummary.create(relativeError);
                folded.merge(partial[i]);
                result[i].merge(folded);
            }
        }
        double[][] out = new double[cols.length][];
        for (int i = 0; i < cols.length; i++) {
            double[] q = result[i].query(probabilities);
            out[i] = q == null ? new double[0] : q;
        }
        return out;
    }

    private static QuantileSummary[] summaries(int n, double relativeError) {
        QuantileSummary[] s = new QuantileSummary[n];
        for (int i = 0; i < n; i++) {
            s[i] = QuantileSummary.create(relativeError);
        }
        return s;
    }

    // ---- covariance and correlation ----

    /** The sample covariance of two numeric columns (a null counts as 0.0, as in Spark). */
    public double cov(String col1, String col2) {
        return statistic(functions.covar_samp(asDouble(col1, "covariance"), asDouble(col2, "covariance")).as("cov"));
    }

    /** The Pearson correlation coefficient of two numeric columns ({@code method} must be {@code "pearson"}). */
    public double corr(String col1, String col2, String method) {
        require("pearson".equals(method), "Currently only the calculation of the Pearson Correlation coefficient is supported.");
        return statistic(functions.corr(asDouble(col1, "correlation"), asDouble(col2, "correlation")).as("corr"));
    }

    /** The Pearson correlation coefficient of two numeric columns. */
    public double corr(String col1, String col2) {
        return corr(col1, col2, "pearson");
    }

    /** A numeric column as Spark 4 feeds it to {@code covar_samp}/{@code corr}: cast to double, null as 0.0. */
    private Column asDouble(String name, String functionName) {
        DataType t = df.select(df.col(name)).schema().fields()[0].dataType();
        require(t instanceof NumericType, "Currently " + functionName + " calculation for columns with dataType "
                + t.catalogString() + " not supported.");
        return when(isnull(col(name)), lit(0.0)).otherwise(col(name).cast(DataTypes.DoubleType));
    }

    private double statistic(Column aggregate) {
        return df.select(aggregate).first().getDouble(0);
    }

    // ---- contingency table ----

    /**
     * The contingency table of two columns: one row per distinct value of {@code col1} (as a
     * string, "null" for null) in a column named {@code col1_col2}, one count column per distinct
     * value of {@code col2} (backquotes removed), zero for pairs never seen. Spark 4's pivot.
     */
    public Dataset<Row> crosstab(String col1, String col2) {
        return df.groupBy(when(isnull(col(col1)), "null").otherwise(col(col1).cast("string")).as(col1 + "_" + col2))
                .pivot(when(isnull(col(col2)), "null").otherwise(regexp_replace(col(col2).cast("string"), "`", "")))
                .count().na().fill(0L);
    }

    // ---- frequent items ----

    /** The frequent items (at least a {@code support} fraction of rows, possibly with false positives) of each column, in {@code c_freqItems} array columns. */
    public Dataset<Row> freqItems(String[] cols, double support) {
        require(support >= 1e-4 && support <= 1.0, "Support must be in [1e-4, 1], but got " + support + ".");
        Dataset<Row> selected = df.select(columns(cols));
        List<Row> rows = selected.collectAsList();
        FrequentItems counter = new FrequentItems((int) (1 / support));
        StructField[] fields = new StructField[cols.length];
        Object[] values = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
            StructField f = selected.schema().fields()[i];
            fields[i] = new StructField(cols[i] + "_freqItems", new ArrayType(f.dataType(), f.nullable()), false,
                    io.tideway.sql.types.Metadata.empty());
            List<List<Object>> parts = new ArrayList<>();
            for (List<Row> slice : slices(rows)) {
                List<Object> column = new ArrayList<>(slice.size());
                for (Row r : slice) {
                    column.add(r.get(i));
                }
                parts.add(column);
            }
            values[i] = counter.of(parts);
        }
        return Dataset.ofRows(df.sparkSession(), new LocalRelation(new StructType(fields), List.of(RowFactory.create(values))));
    }

    /** {@link #freqItems(String[], double)} with a support of 1%. */
    public Dataset<Row> freqItems(String[] cols) {
        return freqItems(cols, 0.01);
    }

    // ---- stratified sampling ----

    /** A stratified sample without replacement: each row kept with its stratum's fraction (0 for a stratum not listed). */
    public <T> Dataset<Row> sampleBy(String col, Map<T, Double> fractions, long seed) {
        return sampleBy(functions.col(col), fractions, seed);
    }

    /**
     * A stratified sample without replacement over the strata {@code col} gives: Spark's filter of
     * {@code rand(seed)} below the row's fraction, so the same rows as Spark's.
     */
    public <T> Dataset<Row> sampleBy(Column col, Map<T, Double> fractions, long seed) {
        StringBuilder text = new StringBuilder();
        boolean valid = true;
        Column fraction = null;
        for (Map.Entry<T, Double> e : fractions.entrySet()) {
            double p = e.getValue();
            valid &= p >= 0.0 && p <= 1.0;
            text.append(text.length() == 0 ? "" : ", ").append(e.getKey()).append(" -> ").append(p);
            Column matches = col.eqNullSafe(lit(e.getKey()));
            fraction = fraction == null ? when(matches, p) : fraction.when(matches, p);
        }
        require(valid, "Fractions must be in [0, 1], but got Map(" + text + ").");
        Column threshold = fraction == null ? lit(0.0) : fraction.otherwise(0.0);
        return df.filter(rand(seed).lt(threshold));
    }

    // ---- sketches ----

    /** A Count-min sketch of the named column with {@code depth} rows of {@code width} counters. */
    public CountMinSketch countMinSketch(String colName, int depth, int width, int seed) {
        return countMinSketch(col(colName), depth, width, seed);
    }

    /** A Count-min sketch of the named column for relative error {@code eps} at {@code confidence}. */
    public CountMinSketch countMinSketch(String colName, double eps, double confidence, int seed) {
        return countMinSketch(col(colName), eps, confidence, seed);
    }

    /** A Count-min sketch of {@code col}; Spark derives eps and confidence from depth and width, and so does this. */
    public CountMinSketch countMinSketch(Column col, int depth, int width, int seed) {
        return countMinSketch(col, 2.0 / width, 1 - 1 / Math.pow(2, depth), seed);
    }

    /** A Count-min sketch of {@code col} (integral, string or binary), through the {@code count_min_sketch} aggregate. */
    public CountMinSketch countMinSketch(Column col, double eps, double confidence, int seed) {
        Row row = df.select(count_min_sketch(col, lit(eps), lit(confidence), lit(seed))).first();
        try {
            return CountMinSketch.readFrom((byte[]) row.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Bloom filter of the named column for {@code expectedNumItems} at false positive probability {@code fpp}. */
    public BloomFilter bloomFilter(String colName, long expectedNumItems, double fpp) {
        return bloomFilter(col(colName), expectedNumItems, fpp);
    }

    /** A Bloom filter of {@code col} for {@code expectedNumItems} at false positive probability {@code fpp}. */
    public BloomFilter bloomFilter(Column col, long expectedNumItems, double fpp) {
        return bloomFilter(col, expectedNumItems, BloomFilter.optimalNumOfBits(expectedNumItems, fpp));
    }

    /** A Bloom filter of the named column with {@code numBits} bits. */
    public BloomFilter bloomFilter(String colName, long expectedNumItems, long numBits) {
        return bloomFilter(col(colName), expectedNumItems, numBits);
    }

    /**
     * A Bloom filter of {@code col} (an integral or string column; nulls skipped) with
     * {@code numBits} bits, built as Spark's {@code bloom_filter_agg} builds it (items capped at
     * 4,000,000 and bits at 67,108,864, Spark's runtime filter limits).
     */
    public BloomFilter bloomFilter(Column col, long expectedNumItems, long numBits) {
        Dataset<Row> selected = df.select(col);
        DataType t = selected.schema().fields()[0].dataType();
        String sql = "bloom_filter_agg(" + selected.schema().fields()[0].name() + ", " + expectedNumItems + ", " + numBits + ")";
        if (!(t == DataTypes.LongType || t == DataTypes.IntegerType || t == DataTypes.ShortType || t == DataTypes.ByteType
                || t == DataTypes.StringType)) {
            throw Unchecked.raise(new ExtendedAnalysisException("DATATYPE_MISMATCH.BLOOM_FILTER_WRONG_TYPE", Map.of(
                    "sqlExpr", ErrorParams.expr(sql), "functionName", ErrorParams.id("bloom_filter_agg"),
                    "expectedLeft", ErrorParams.type(DataTypes.BinaryType), "expectedRight", ErrorParams.type(DataTypes.LongType),
                    "actual", ErrorParams.type(t) + ", " + ErrorParams.type(DataTypes.LongType) + ", "
                            + ErrorParams.type(DataTypes.LongType)), selected.logicalPlan()));
        }
        outOfRange(expectedNumItems, "estimatedNumItems", sql, selected);
        outOfRange(numBits, "numBits", sql, selected);
        BloomFilter filter = BloomFilter.create(Math.min(expectedNumItems, 4_000_000L), Math.min(numBits, 67_108_864L));
        for (Row r : selected.collectAsList()) {
            Object v = r.get(0);
            if (v instanceof String s) {
                filter.putString(s);
            } else if (v != null) {
                filter.putLong(((Number) v).longValue());
            }
        }
        try {
            // Spark's aggregate answers null when no bit is set, which its readFrom fails on
            return BloomFilter.readFrom(filter.cardinality() == 0 ? null : toBytes(filter));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void outOfRange(long value, String name, String sql, Dataset<Row> selected) {
        if (value <= 0) {
            throw Unchecked.raise(new ExtendedAnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", Map.of("sqlExpr",
                    ErrorParams.expr(sql), "exprName", name, "valueRange", "[0, positive]", "currentValue", value + "L"),
                    selected.logicalPlan()));
        }
    }

    private static byte[] toBytes(BloomFilter filter) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        filter.writeTo(out);
        return out.toByteArray();
    }

    // ---- helpers ----

    private static Column[] columns(String[] names) {
        Column[] out = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = col(names[i]);
        }
        return out;
    }

    private List<List<Row>> slices(List<Row> rows) {
        return LocalSlices.of(rows, df.sparkSession().sparkContext().defaultParallelism());
    }

    /** Scala's {@code require}: an {@code IllegalArgumentException} with Spark's message. */
    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("requirement failed: " + message);
        }
    }
}
