package io.tideway.sql;

import io.tideway.engine.expr.EvalContext;
import io.tideway.api.java.function.FilterFunction;
import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.api.java.function.ForeachFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapPartitionsFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.exec.BatchExecutor;
import io.tideway.engine.exec.ShowString;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.Resolver;
import io.tideway.engine.plan.Deduplicate;
import io.tideway.engine.plan.EventTimeWatermark;
import io.tideway.engine.plan.ExtendedAnalysisException;
import io.tideway.engine.plan.Filter;
import io.tideway.engine.plan.MissingReferences;
import io.tideway.engine.plan.JoinPlanner;
import io.tideway.engine.plan.JoinType;
import io.tideway.engine.plan.UnsupportedOperationChecker;
import io.tideway.engine.util.Durations;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.Project;
import io.tideway.engine.plan.SelectPlanner;
import io.tideway.engine.plan.TypedOperator;
import io.tideway.engine.plan.Union;
import io.tideway.engine.expr.sql.SqlExpressionParser;
import io.tideway.sql.streaming.DataStreamWriter;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A typed, lazily evaluated query, mirroring Spark's {@code Dataset<T>}; {@code Dataset<Row>} is a
 * DataFrame. Transformations build an analysed plan (column errors surface here, unsupported
 * streaming operations at {@code start()}); a streaming Dataset runs with {@code writeStream()}.
 * Immutable and thread-safe.
 */
public class Dataset<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final transient TidewaySession session;
    private final LogicalPlan plan;
    private final ObjectEncoder<T> encoder;

    public Dataset(TidewaySession session, LogicalPlan plan, Encoder<T> encoder) {
        this.session = session;
        this.plan = plan;
        this.encoder = ObjectEncoder.of(encoder);
    }

    public static Dataset<Row> ofRows(TidewaySession session, LogicalPlan plan) {
        return new Dataset<>(session, plan, new RowEncoder(plan.schema()));
    }

    private Dataset<Row> rows(LogicalPlan p) {
        return ofRows(session, p);
    }

    /** Engine-internal: the analysed plan. */
    public LogicalPlan logicalPlan() {
        return plan;
    }

    public TidewaySession sparkSession() {
        return session;
    }

    public Encoder<T> encoder() {
        return encoder;
    }

    public StructType schema() {
        return plan.schema();
    }

    public String[] columns() {
        return plan.schema().fieldNames();
    }

    public boolean isStreaming() {
        return plan.isStreaming();
    }

    /** As Spark's {@code println(schema.treeString)}: the tree, whose lines end in a newline, then an empty line. */
    public void printSchema() {
        System.out.println(plan.schema().treeString());
    }

    public void explain() {
        explain(false);
    }

    public void explain(boolean extended) {
        StringBuilder sb = new StringBuilder();
        if (extended) {
            sb.append("== Analyzed Logical Plan ==\n").append(plan.treeString()).append('\n');
        }
        sb.append("== Physical Plan ==\n").append(plan.treeString());
        System.out.println(sb);
    }

    public Column col(String name) {
        if (!name.equals("*") && Resolver.ordinalOf(name, plan.schema()) < 0) {
            throw Resolver.unresolved(name, plan.schema());
        }
        return new Column(new io.tideway.engine.expr.UnresolvedAttribute(name, plan));
    }

    public Column apply(String name) {
        return col(name);
    }

    public Dataset<Row> toDF() {
        return rows(plan);
    }

    public Dataset<Row> toDF(String... names) {
        StructType s = plan.schema();
        if (names.length != s.length()) {
            throw Unchecked.raise(new AnalysisException("ASSIGNMENT_ARITY_MISMATCH",
                    Map.of("numTarget", String.valueOf(s.length()), "numExpr", String.valueOf(names.length))));
        }
        List<Expression> exprs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            StructField f = s.apply(i);
            exprs.add(new Alias(new BoundReference(i, f.dataType(), f.nullable(), f.name()), names[i]));
        }
        return rows(new Project(exprs, plan));
    }

    public Dataset<Row> select(Column... cols) {
        return rows(SelectPlanner.select(Arrays.asList(cols), plan));
    }

    public Dataset<Row> select(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(new Column(col));
        for (String c : cols) {
            all.add(new Column(c));
        }
        return select(all.toArray(new Column[0]));
    }

    public Dataset<Row> selectExpr(String... exprs) {
        Column[] cols = new Column[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            cols[i] = SqlExpressionParser.parseColumn(exprs[i]);
        }
        return select(cols);
    }

    public Dataset<T> where(Column condition) {
        return filter(condition);
    }

    public Dataset<T> where(String conditionExpr) {
        return filter(conditionExpr);
    }

    public Dataset<T> filter(Column condition) {
        LogicalPlan input = MissingReferences.widenFor(condition.expr(), plan);
        Expression c = Resolver.resolve(condition.expr(), input);
        if (c.dataType() != io.tideway.sql.types.DataTypes.BooleanType) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", Map.of("sqlExpr",
                    ErrorParams.expr(c.sql()), "filter", ErrorParams.expr(c.sql()), "type", ErrorParams.type(c.dataType()))));
        }
        Filter filtered = new Filter(c, input);
        return new Dataset<>(session, input == plan ? filtered : MissingReferences.projectBack(filtered, plan.schema()), encoder);
    }

    public Dataset<T> filter(String conditionExpr) {
        return filter(SqlExpressionParser.parseColumn(conditionExpr));
    }

    public Dataset<T> filter(FilterFunction<T> func) {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.FILTER, func, encoder, encoder, plan), encoder);
    }

    public <U> Dataset<U> map(MapFunction<T, U> func, Encoder<U> out) {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.MAP, func, encoder, ObjectEncoder.of(out), plan), out);
    }

    public <U> Dataset<U> flatMap(FlatMapFunction<T, U> func, Encoder<U> out) {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.FLAT_MAP, func, encoder, ObjectEncoder.of(out), plan), out);
    }

    public <U> Dataset<U> mapPartitions(MapPartitionsFunction<T, U> func, Encoder<U> out) {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.MAP_PARTITIONS, func, encoder, ObjectEncoder.of(out), plan), out);
    }

    /** Adds or replaces a column. */
    public Dataset<Row> withColumn(String name, Column col) {
        StructType s = plan.schema();
        List<Column> cols = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < s.length(); i++) {
            if (s.apply(i).name().equalsIgnoreCase(name)) {
                cols.add(col.as(name));
                replaced = true;
            } else {
                cols.add(field(i));
            }
        }
        if (!replaced) {
            cols.add(col.as(name));
        }
        return select(cols.toArray(new Column[0]));
    }

    public Dataset<Row> withColumnRenamed(String existing, String renamed) {
        List<Column> cols = new ArrayList<>();
        String[] names = plan.schema().fieldNames();
        for (int i = 0; i < names.length; i++) {
            cols.add(names[i].equalsIgnoreCase(existing) ? field(i).as(renamed) : field(i));
        }
        return select(cols.toArray(new Column[0]));
    }

    public Dataset<Row> drop(String... names) {
        List<Column> cols = new ArrayList<>();
        String[] fields = plan.schema().fieldNames();
        for (int i = 0; i < fields.length; i++) {
            boolean dropped = false;
            for (String n : names) {
                dropped |= fields[i].equalsIgnoreCase(n);
            }
            if (!dropped) {
                cols.add(field(i));
            }
        }
        return select(cols.toArray(new Column[0]));
    }

    /** This Dataset's column {@code i}, bound by position: names may repeat (after a join). */
    private Column field(int i) {
        return new Column(Resolver.reference(plan.schema(), i));
    }

    public Dataset<T> union(Dataset<T> other) {
        StructType a = plan.schema();
        StructType b = other.plan.schema();
        if (a.length() != b.length()) {
            throw Unchecked.raise(new AnalysisException("NUM_COLUMNS_MISMATCH", Map.of("operator", "UNION",
                    "firstNumColumns", String.valueOf(a.length()), "invalidOrdinalNum", ErrorParams.ordinal(1),
                    "invalidNumColumns", String.valueOf(b.length()))));
        }
        for (int i = 0; i < a.length(); i++) {
            if (!a.apply(i).dataType().equals(b.apply(i).dataType())) {
                throw Unchecked.raise(new AnalysisException("INCOMPATIBLE_COLUMN_TYPE", Map.of("operator", "UNION",
                        "columnOrdinalNumber", ErrorParams.ordinal(i), "tableOrdinalNumber", ErrorParams.ordinal(1),
                        "dataType1", ErrorParams.type(b.apply(i).dataType()), "dataType2", ErrorParams.type(a.apply(i).dataType()),
                        "hint", "")));
            }
        }
        // Both sides derived from one frame share nodes; the right one gets its own so that each
        // branch scans its source, as in Spark.
        LogicalPlan right = plan.sharesNodeWith(other.plan) ? other.plan.freshCopy() : other.plan;
        return new Dataset<>(session, new Union(List.of(plan, right)), encoder);
    }

    public Dataset<T> unionAll(Dataset<T> other) {
        return union(other);
    }

    /**
     * Defines an event-time watermark on {@code eventTime} (a timestamp column): stateful operators
     * above drop rows older than the max event time seen minus {@code delayThreshold} and evict
     * their state, as Spark's.
     */
    public Dataset<T> withWatermark(String eventTime, String delayThreshold) {
        long delayMs;
        String d = delayThreshold.trim();
        try {
            delayMs = Durations.parseInterval(d.startsWith("-") ? d.substring(1) : d) * (d.startsWith("-") ? -1 : 1);
        } catch (IllegalArgumentException e) {
            throw Unchecked.raise(new AnalysisException("CANNOT_PARSE_INTERVAL",
                    Map.of("intervalString", ErrorParams.value(delayThreshold))));
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("requirement failed: delay threshold (" + delayThreshold + ") should not be negative.");
        }
        int i = plan.schema().indexOf(eventTime);
        if (i < 0 && Resolver.resolve(new io.tideway.engine.expr.UnresolvedAttribute(eventTime), plan)
                instanceof io.tideway.engine.expr.BoundReference r) {
            i = r.ordinal(); // the analyzer's match (case-insensitive); an unknown name threw UNRESOLVED_COLUMN with the plan
        }
        StructField f = plan.schema().apply(i);
        EventTimeWatermark watermarked = new EventTimeWatermark(i, delayMs, plan);
        if (f.dataType() != io.tideway.sql.types.DataTypes.TimestampType) {
            // Spark's CheckAnalysis finds this on the analysed plan and wraps it with that plan (";" then its tree)
            throw Unchecked.raise(new ExtendedAnalysisException("EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE",
                    Map.of("eventName", ErrorParams.id(f.name()), "eventType", ErrorParams.type(f.dataType())), watermarked));
        }
        return new Dataset<>(session, watermarked, encoder);
    }

    /** Drops rows equal in every column to an earlier row. */
    public Dataset<T> dropDuplicates() {
        return dropDuplicates(plan.schema().fieldNames());
    }

    /** Drops rows whose {@code cols} equal an earlier row's. */
    public Dataset<T> dropDuplicates(String[] cols) {
        return new Dataset<>(session, new Deduplicate(dedupKeys(cols), false, plan), encoder);
    }

    public Dataset<T> dropDuplicates(String col1, String... cols) {
        return dropDuplicates(concat(col1, cols));
    }

    /**
     * Drops rows whose {@code cols} equal an earlier row's seen within the watermark delay: each
     * key is remembered until the watermark passes its first event time plus the delay.
     */
    public Dataset<T> dropDuplicatesWithinWatermark() {
        return dropDuplicatesWithinWatermark(plan.schema().fieldNames());
    }

    public Dataset<T> dropDuplicatesWithinWatermark(String[] cols) {
        return new Dataset<>(session, new Deduplicate(dedupKeys(cols), true, plan), encoder);
    }

    public Dataset<T> dropDuplicatesWithinWatermark(String col1, String... cols) {
        return dropDuplicatesWithinWatermark(concat(col1, cols));
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private int[] dedupKeys(String[] cols) {
        int[] keys = new int[cols.length];
        for (int k = 0; k < cols.length; k++) {
            keys[k] = plan.schema().indexOf(cols[k]);
            if (keys[k] < 0) {
                throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1201",
                        Map.of("colName", cols[k], "fieldNames", String.join(", ", plan.schema().fieldNames()))));
            }
        }
        return keys;
    }

    /** Inner join with {@code right} on {@code joinExprs}, e.g. {@code a.col("id").equalTo(b.col("id"))}. */
    public Dataset<Row> join(Dataset<?> right, Column joinExprs) {
        return join(right, joinExprs, "inner");
    }

    /** Join of type {@code joinType} ({@code inner}, {@code left_outer}, {@code right_outer}, {@code left_semi}, ...). */
    public Dataset<Row> join(Dataset<?> right, Column joinExprs, String joinType) {
        return Dataset.ofRows(session, JoinPlanner.join(plan, right.plan, joinExprs.expr(), JoinType.parse(joinType)));
    }

    /** Inner join on equal values of a column both sides have; the column appears once in the output. */
    public Dataset<Row> join(Dataset<?> right, String usingColumn) {
        return join(right, new String[] {usingColumn}, "inner");
    }

    /** Join on equal values of columns both sides have (Spark's {@code join(right, Seq(cols), joinType)}). */
    public Dataset<Row> join(Dataset<?> right, String[] usingColumns, String joinType) {
        return Dataset.ofRows(session, JoinPlanner.joinUsing(plan, right.plan, Arrays.asList(usingColumns), JoinType.parse(joinType)));
    }

    public Dataset<Row> join(Dataset<?> right, List<String> usingColumns, String joinType) {
        return join(right, usingColumns.toArray(new String[0]), joinType);
    }

    /** Cartesian product. */
    public Dataset<Row> crossJoin(Dataset<?> right) {
        return Dataset.ofRows(session, JoinPlanner.join(plan, right.plan, null, JoinType.CROSS));
    }

    /** Groups by the key {@code func} gives each object, for {@code mapGroupsWithState} and friends. */
    public <K> KeyValueGroupedDataset<K, T> groupByKey(MapFunction<T, K> func, Encoder<K> keyEncoder) {
        return new KeyValueGroupedDataset<>(session, plan, func, keyEncoder, encoder);
    }

    public RelationalGroupedDataset groupBy(Column... cols) {
        return new RelationalGroupedDataset(session, plan, Arrays.asList(cols));
    }

    public RelationalGroupedDataset groupBy(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(new Column(col));
        for (String c : cols) {
            all.add(new Column(c));
        }
        return new RelationalGroupedDataset(session, plan, all);
    }

    /** Aggregates without grouping ({@code df.agg(max("v"))}). */
    public Dataset<Row> agg(Column expr, Column... exprs) {
        return groupBy().agg(expr, exprs);
    }

    /** Views this Dataset as objects of another type: columns matched by name (beans) or position. */
    public <U> Dataset<U> as(Encoder<U> target) {
        return new Dataset<>(session, SelectPlanner.alignTo(ObjectEncoder.of(target).schema(), plan), target);
    }

    public DataStreamWriter<T> writeStream() {
        if (!isStreaming()) {
            throw Unchecked.raise(new AnalysisException("WRITE_STREAM_NOT_ALLOWED", Map.of()));
        }
        return new DataStreamWriter<>(this);
    }

    public void createOrReplaceTempView(String name) {
        LogicalPlan p = plan;
        session.registerView(name, () -> p);
    }

    // ---- batch actions ----

    /** How this session evaluates expressions ({@code spark.sql.ansi.enabled}), read when an action runs. */
    private EvalContext evalContext() {
        return EvalContext.forSettings(session.conf()::get);
    }

    private void requireBatch() {
        if (isStreaming()) {
            throw UnsupportedOperationChecker.fail("Queries with streaming sources must be executed with writeStream.start()", plan);
        }
    }

    public List<T> collectAsList() {
        requireBatch();
        return BatchExecutor.collect(plan, encoder, evalContext());
    }

    public long count() {
        requireBatch();
        return BatchExecutor.collect(plan, new RowEncoder(plan.schema()), evalContext()).size();
    }

    /** The first {@code n} rows. */
    public List<T> takeAsList(int n) {
        List<T> all = collectAsList();
        return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
    }

    /** The first row; Spark's {@code NoSuchElementException} when there is none. */
    public T first() {
        List<T> one = takeAsList(1);
        if (one.isEmpty()) {
            throw new java.util.NoSuchElementException("next on empty iterator");
        }
        return one.get(0);
    }

    public T head() {
        return first();
    }

    public boolean isEmpty() {
        return takeAsList(1).isEmpty();
    }

    /** Runs {@code func} on every row, in this thread. */
    public void foreach(ForeachFunction<T> func) {
        for (T t : collectAsList()) {
            try {
                func.call(t);
            } catch (Exception e) {
                throw Unchecked.raise(e);
            }
        }
    }

    public void show() {
        show(20, true);
    }

    public void show(int numRows) {
        show(numRows, true);
    }

    public void show(boolean truncate) {
        show(20, truncate);
    }

    public void show(int numRows, boolean truncate) {
        requireBatch();
        List<Row> rows = BatchExecutor.collect(plan, new RowEncoder(plan.schema()), evalContext());
        System.out.println(ShowString.format(plan.schema(), rows, numRows, truncate ? 20 : 0));
    }

    @Override
    public String toString() {
        // Spark shows the first two columns and counts the rest.
        StringBuilder sb = new StringBuilder("[");
        StructField[] fs = plan.schema().fields();
        for (int i = 0; i < Math.min(2, fs.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(fs[i].name()).append(": ").append(fs[i].dataType().simpleString());
        }
        int more = fs.length - 2;
        if (more > 0) {
            sb.append(" ... ").append(more).append(more == 1 ? " more field" : " more fields");
        }
        return sb.append(']').toString();
    }
}
