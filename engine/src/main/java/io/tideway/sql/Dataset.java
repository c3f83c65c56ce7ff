package io.tideway.sql;

import io.tideway.engine.conf.TidewayConf;

import io.tideway.engine.expr.EvalContext;
import io.tideway.api.java.function.FilterFunction;
import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.api.java.function.ForeachFunction;
import io.tideway.api.java.function.ForeachPartitionFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapPartitionsFunction;
import io.tideway.api.java.function.ReduceFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.encoders.RowEncoder;
import io.tideway.engine.encoders.TupleEncoder;
import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.exec.BatchExecutor;
import io.tideway.engine.exec.ShowString;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.FileMetadataColumn;
import io.tideway.engine.plan.Resolver;
import io.tideway.engine.plan.Deduplicate;
import io.tideway.engine.plan.EventTimeWatermark;
import io.tideway.engine.plan.GroupingSetsPlanner;
import io.tideway.engine.plan.ExtendedAnalysisException;
import io.tideway.engine.plan.Filter;
import io.tideway.engine.plan.MissingReferences;
import io.tideway.engine.plan.JoinPlanner;
import io.tideway.engine.plan.JoinType;
import io.tideway.engine.plan.UnsupportedOperationChecker;
import io.tideway.engine.util.Durations;
import io.tideway.engine.plan.EncoderAlignment;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.Project;
import io.tideway.engine.plan.SelectPlanner;
import io.tideway.engine.plan.SetOperation;
import io.tideway.engine.plan.TypedColumns;
import io.tideway.engine.plan.TypedOperator;
import io.tideway.engine.plan.Union;
import io.tideway.engine.expr.sql.SqlExpressionParser;
import io.tideway.sql.streaming.DataStreamWriter;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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

    /**
     * A Dataset over an analysed plan (engine-internal; applications get Datasets from the session,
     * a reader or another Dataset).
     */
    public Dataset(TidewaySession session, LogicalPlan plan, Encoder<T> encoder) {
        this.session = session;
        this.plan = plan;
        this.encoder = ObjectEncoder.of(encoder);
        if (session != null) { // the next expressions this thread builds read this session's settings
            io.tideway.engine.expr.SessionConf.activate(io.tideway.engine.conf.TidewayConf.reader(session.conf()));
            io.tideway.engine.expr.fn.TemporaryFunctions.activate(session.temporaryFunctions());
        }
    }

    /** A DataFrame over an analysed plan (engine-internal). */
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

    /** The session this Dataset belongs to. */
    public TidewaySession sparkSession() {
        return session;
    }

    /** The encoder of the objects this Dataset holds ({@code Row}s for a DataFrame). */
    public Encoder<T> encoder() {
        return encoder;
    }

    /** The columns of this Dataset: their names, types and nullability. */
    public StructType schema() {
        return plan.schema();
    }

    /** Each row as a JSON object text in a column {@code value}, as {@code to_json(struct(*))} writes it. */
    public Dataset<String> toJSON() {
        StructType s = schema();
        Column[] fields = new Column[s.length()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = col(s.apply(i).name());
        }
        return select(functions.to_json(functions.struct(fields)).as("value")).as(Encoders.STRING());
    }

    /** The column names, in order. */
    public String[] columns() {
        return plan.schema().fieldNames();
    }

    /**
     * Whether this Dataset reads a streaming source: such a Dataset runs only through
     * {@code writeStream().start()}, and batch actions on it fail.
     */
    public boolean isStreaming() {
        return plan.isStreaming();
    }

    /** As Spark's {@code println(schema.treeString)}: the tree, whose lines end in a newline, then an empty line. */
    public void printSchema() {
        System.out.println(plan.schema().treeString());
    }

    /** As {@link #printSchema()}, nested no deeper than {@code level} levels (Spark's {@code printSchema(level)}). */
    public void printSchema(int level) {
        System.out.println(plan.schema().treeString(level));
    }

    /** Prints the physical plan to standard output. */
    public void explain() {
        explain(false);
    }

    /**
     * Prints the plan to standard output; with {@code extended}, under Spark's four headings
     * (parsed, analysed with its output columns, optimised, physical). Unlike Spark's, every tree
     * is Tideway's own operator tree.
     */
    public void explain(boolean extended) {
        explain(extended ? "extended" : "simple");
    }

    /**
     * Prints the plan in one of Spark's modes: {@code simple} as {@link #explain()},
     * {@code extended} as {@code explain(true)}, {@code cost} the optimised logical plan (without
     * Spark's statistics) then the physical one; {@code codegen} and {@code formatted} print what
     * {@code simple} does. Another mode fails as Spark's.
     */
    public void explain(String mode) {
        String m = mode.toLowerCase(java.util.Locale.ROOT);
        if (!List.of("simple", "extended", "codegen", "cost", "formatted").contains(m)) {
            throw new IllegalArgumentException("Unknown explain mode: " + mode
                    + ". Accepted explain modes are 'simple', 'extended', 'codegen', 'cost', 'formatted'.");
        }
        StringBuilder sb = new StringBuilder();
        String tree = plan.treeString();
        if (m.equals("extended")) {
            java.util.StringJoiner output = new java.util.StringJoiner(", ");
            for (StructField f : plan.schema().fields()) {
                output.add(f.name() + ": " + f.dataType().simpleString());
            }
            sb.append("== Parsed Logical Plan ==\n").append(tree).append('\n')
                    .append("== Analyzed Logical Plan ==\n").append(output).append('\n').append(tree).append('\n')
                    .append("== Optimized Logical Plan ==\n").append(tree).append('\n');
        } else if (m.equals("cost")) {
            sb.append("== Optimized Logical Plan ==\n").append(tree).append('\n');
        }
        sb.append("== Physical Plan ==\n").append(tree);
        System.out.println(sb);
    }

    /**
     * The column called {@code name} ({@code "*"}: all columns), bound to this Dataset, so that it
     * can tell the two sides of a join apart. An unknown name fails here with Spark's
     * {@code [UNRESOLVED_COLUMN]}.
     */
    public Column col(String name) {
        if (!name.equals("*") && Resolver.ordinalOf(name, plan.schema()) < 0
                && io.tideway.engine.plan.Qualifiers.ordinalOf(plan, name) < 0
                && !(name.equalsIgnoreCase(FileMetadataColumn.NAME) && FileMetadataColumn.available(plan))) {
            throw Resolver.unresolved(name, plan.schema());
        }
        return new Column(new io.tideway.engine.expr.UnresolvedAttribute(name, plan));
    }

    /**
     * The hidden metadata column {@code name} of this Dataset's file source ({@code _metadata}),
     * even where a data column has that name; Spark's {@code UNRESOLVED_COLUMN} naming the
     * metadata columns there are (none on a Dataset not read from files) otherwise.
     */
    public Column metadataColumn(String name) {
        boolean files = FileMetadataColumn.available(plan);
        if (files && name.equalsIgnoreCase(FileMetadataColumn.NAME)) {
            return new Column(FileMetadataColumn.value(plan));
        }
        throw Unchecked.raise(files
                ? new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of("objectName", ErrorParams.id(name),
                        "proposal", ErrorParams.id(FileMetadataColumn.NAME)))
                : new AnalysisException("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", Map.of("objectName", ErrorParams.id(name))));
    }

    /** As {@link #col(String)}. */
    public Column apply(String name) {
        return col(name);
    }

    /** This Dataset as a DataFrame of {@code Row}s, with the same columns. */
    public Dataset<Row> toDF() {
        return rows(plan);
    }

    /**
     * This Dataset as a DataFrame with its columns renamed, in order; a count of names that differs
     * from the column count fails with Spark's {@code [ASSIGNMENT_ARITY_MISMATCH]}.
     */
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

    /**
     * A DataFrame of these columns or expressions, evaluated for each row. Aggregate functions here
     * aggregate the whole Dataset into one row, as in Spark. Runs in continuous mode when it has
     * no aggregate.
     */
    public Dataset<Row> select(Column... cols) {
        io.tideway.engine.plan.SubqueryColumns.Planned p = io.tideway.engine.plan.SubqueryColumns.scalars(plan, Arrays.asList(cols),
                this::firstValue);
        return rows(SelectPlanner.select(p.columns(), p.plan()));
    }

    // ---- typed select: select(TypedColumn...) ----

    /**
     * One typed column's values, as Spark's: an {@code Aggregator.toColumn()} aggregates this
     * Dataset's objects (one row), a column typed with {@code as(Encoder)} is read with its encoder.
     * A bean's or tuple's result gives that encoder's columns.
     */
    @SuppressWarnings("unchecked")
    public <U1> Dataset<U1> select(TypedColumn<T, U1> c1) {
        Dataset<Row> selected = selectTyped(c1);
        ObjectEncoder<U1> out = ObjectEncoder.of(c1.encoder());
        if (out.singleValue()) {
            return new Dataset<>(session, selected.plan, c1.encoder());
        }
        Column struct = new Column(new BoundReference(0, selected.plan.schema().apply(0).dataType(), true,
                selected.plan.schema().apply(0).name()));
        List<Column> fields = new ArrayList<>();
        for (StructField f : out.schema().fields()) {
            fields.add(struct.getField(f.name()).as(f.name()));
        }
        return new Dataset<>(session, selected.select(fields.toArray(new Column[0])).plan, c1.encoder());
    }

    /** Two typed columns' values as {@code scala.Tuple2}s; see {@link #select(TypedColumn)}. */
    public <U1, U2> Dataset<Tuple2<U1, U2>> select(TypedColumn<T, U1> c1, TypedColumn<T, U2> c2) {
        return selectTuples(c1, c2);
    }

    /** Three typed columns' values as {@code scala.Tuple3}s; see {@link #select(TypedColumn)}. */
    public <U1, U2, U3> Dataset<scala.Tuple3<U1, U2, U3>> select(TypedColumn<T, U1> c1, TypedColumn<T, U2> c2,
                                                                 TypedColumn<T, U3> c3) {
        return selectTuples(c1, c2, c3);
    }

    /** Four typed columns' values as {@code scala.Tuple4}s; see {@link #select(TypedColumn)}. */
    public <U1, U2, U3, U4> Dataset<scala.Tuple4<U1, U2, U3, U4>> select(TypedColumn<T, U1> c1, TypedColumn<T, U2> c2,
                                                                         TypedColumn<T, U3> c3, TypedColumn<T, U4> c4) {
        return selectTuples(c1, c2, c3, c4);
    }

    /** Five typed columns' values as {@code scala.Tuple5}s; see {@link #select(TypedColumn)}. */
    public <U1, U2, U3, U4, U5> Dataset<scala.Tuple5<U1, U2, U3, U4, U5>> select(
            TypedColumn<T, U1> c1, TypedColumn<T, U2> c2, TypedColumn<T, U3> c3, TypedColumn<T, U4> c4, TypedColumn<T, U5> c5) {
        return selectTuples(c1, c2, c3, c4, c5);
    }

    /** The columns over the rows this Dataset's encoder reads, each {@code Aggregator} bound to its objects. */
    private Dataset<Row> selectTyped(TypedColumn<?, ?>... columns) {
        return rows(SelectPlanner.select(TypedColumns.boundTo(encoder, columns), typedPlan()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> Dataset<R> selectTuples(TypedColumn<?, ?>... columns) {
        Encoder<R> tuples = (Encoder) new TupleEncoder<>(TypedColumns.encoders(null, columns));
        return new Dataset<>(session, selectTyped(columns).plan, tuples);
    }

    // ---- end of typed select ----

    /**
     * A DataFrame of the named columns ({@code "*"} for all, {@code "t.*"} for those of alias
     * {@code t}). Runs in continuous mode.
     */
    public Dataset<Row> select(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(new Column(col));
        for (String c : cols) {
            all.add(new Column(c));
        }
        return select(all.toArray(new Column[0]));
    }

    /**
     * A DataFrame of SQL expressions, such as {@code "v * 2 AS w"}; text that cannot be parsed
     * fails with Spark's {@code [PARSE_SYNTAX_ERROR]}. Runs in continuous mode.
     */
    public Dataset<Row> selectExpr(String... exprs) {
        Column[] cols = new Column[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            cols[i] = SqlExpressionParser.parseColumn(exprs[i]);
        }
        return select(cols);
    }

    /** As {@link #filter(Column)}. */
    public Dataset<T> where(Column condition) {
        return filter(condition);
    }

    /** As {@link #filter(String)}. */
    public Dataset<T> where(String conditionExpr) {
        return filter(conditionExpr);
    }

    /**
     * The rows for which {@code condition} is true (null counts as false). A condition that is not
     * boolean fails with Spark's {@code [DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN]}. Runs in continuous
     * mode.
     */
    public Dataset<T> filter(Column condition) {
        if (io.tideway.engine.plan.SubqueryColumns.has(condition.expr())) { // exists() and scalar() are joins
            return new Dataset<>(session, io.tideway.engine.plan.SubqueryColumns.filter(plan, condition.expr(),
                    (in, c) -> Dataset.ofRows(session, in).filter(c).plan, this::firstValue), encoder);
        }
        LogicalPlan input = MissingReferences.widenFor(condition.expr(), plan);
        Expression c = Resolver.resolve(condition.expr(), input);
        io.tideway.engine.plan.WindowPlanner.refuseIn(c, "WHERE");
        if (c.dataType() != io.tideway.sql.types.DataTypes.BooleanType) {
            throw Unchecked.raise(new AnalysisException("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", Map.of("sqlExpr",
                    ErrorParams.expr(c.sql()), "filter", ErrorParams.expr(c.sql()), "type", ErrorParams.type(c.dataType()))));
        }
        Filter filtered = new Filter(c, input);
        return new Dataset<>(session, input == plan ? filtered : MissingReferences.projectBack(filtered, plan.schema()), encoder);
    }

    /**
     * The rows for which the SQL condition {@code conditionExpr} (such as {@code "v > 10"}) is
     * true. Runs in continuous mode.
     */
    public Dataset<T> filter(String conditionExpr) {
        return filter(SqlExpressionParser.parseColumn(conditionExpr));
    }

    /** The objects for which {@code func} returns true. Runs in continuous mode. */
    public Dataset<T> filter(FilterFunction<T> func) {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.FILTER, func, encoder, encoder, typedPlan()), encoder);
    }

    /**
     * Each object mapped by {@code func} to an object encoded by {@code out}. Runs in continuous
     * mode.
     */
    public <U> Dataset<U> map(MapFunction<T, U> func, Encoder<U> out) {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.MAP, func, encoder, ObjectEncoder.of(out), typedPlan()), out);
    }

    /**
     * Each object mapped by {@code func} to zero or more objects encoded by {@code out}. Runs in
     * continuous mode.
     */
    public <U> Dataset<U> flatMap(FlatMapFunction<T, U> func, Encoder<U> out) {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.FLAT_MAP, func, encoder, ObjectEncoder.of(out), typedPlan()), out);
    }

    /**
     * {@code func} applied to an iterator over each partition's objects; on a stream each call
     * gets one micro-batch's objects of the partition. Runs in continuous mode, where each call
     * gets one epoch's, so the results leave only when the epoch ends.
     */
    public <U> Dataset<U> mapPartitions(MapPartitionsFunction<T, U> func, Encoder<U> out) {
        return new Dataset<>(session, new TypedOperator(TypedOperator.Kind.MAP_PARTITIONS, func, encoder, ObjectEncoder.of(out), typedPlan()), out);
    }

    /** Adds or replaces a column, giving it {@code metadata}, as Spark's {@code withColumn(name, col.as(name, metadata))}. */
    public Dataset<Row> withColumn(String name, Column col, io.tideway.sql.types.Metadata metadata) {
        return withColumn(name, col.as(name, metadata));
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

    /**
     * A DataFrame with the column {@code existing} (matched case-insensitively) renamed to
     * {@code renamed}; does nothing when there is no such column, as Spark.
     */
    public Dataset<Row> withColumnRenamed(String existing, String renamed) {
        List<Column> cols = new ArrayList<>();
        String[] names = plan.schema().fieldNames();
        for (int i = 0; i < names.length; i++) {
            cols.add(names[i].equalsIgnoreCase(existing) ? field(i).as(renamed) : field(i));
        }
        return select(cols.toArray(new Column[0]));
    }

    /**
     * Adds or replaces several columns at once, in the map's order: a name already in this
     * Dataset (case-insensitively) replaces that column in place, others are appended. Two map
     * keys naming one column fail with Spark's {@code COLUMN_ALREADY_EXISTS}.
     */
    public Dataset<Row> withColumns(Map<String, Column> colsMap) {
        List<String> names = new ArrayList<>(colsMap.keySet());
        checkNoDuplicates(names);
        StructType s = plan.schema();
        List<Column> cols = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            String replaced = null;
            for (String n : names) {
                replaced = s.apply(i).name().equalsIgnoreCase(n) ? n : replaced;
            }
            cols.add(replaced == null ? field(i) : colsMap.get(replaced).as(replaced));
            if (replaced != null) {
                placed.add(replaced);
            }
        }
        for (String n : names) {
            if (!placed.contains(n)) {
                cols.add(colsMap.get(n).as(n));
            }
        }
        return select(cols.toArray(new Column[0]));
    }

    /**
     * Renames several columns, in the map's order (each rename sees the names the earlier ones
     * gave, as in Spark); names this Dataset lacks are ignored. Renames that leave two columns
     * of one name fail with Spark's {@code COLUMN_ALREADY_EXISTS}.
     */
    public Dataset<Row> withColumnsRenamed(Map<String, String> colsMap) {
        String[] names = plan.schema().fieldNames();
        String[] renamed = names.clone();
        colsMap.forEach((from, to) -> {
            for (int i = 0; i < renamed.length; i++) {
                if (renamed[i].equalsIgnoreCase(from)) {
                    renamed[i] = to;
                }
            }
        });
        // Spark lets renames leave two columns of one name ({name -> c, age -> c} gives id, c, c)
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            cols.add(renamed[i].equals(names[i]) ? field(i) : field(i).as(renamed[i]));
        }
        return select(cols.toArray(new Column[0]));
    }

    /** Spark's {@code SchemaUtils.checkColumnNameDuplication} (case-insensitive). */
    private static void checkNoDuplicates(List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n.toLowerCase(java.util.Locale.ROOT))) {
                // Spark's COLUMN_ALREADY_EXISTS (SQLSTATE 42711), whose condition Tideway's table lacks
                throw Unchecked.raise(new AnalysisException("[COLUMN_ALREADY_EXISTS] The column "
                        + ErrorParams.id(n.toLowerCase(java.util.Locale.ROOT))
                        + " already exists. Choose another name or rename the existing column. SQLSTATE: 42711"));
            }
        }
    }

    /**
     * A DataFrame without the named columns (matched case-insensitively); names it lacks are
     * ignored, as in Spark.
     */
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

    /**
     * The rows of this Dataset followed by those of {@code other}, matched by position, duplicates
     * kept (SQL's {@code UNION ALL}). A different column count fails with Spark's
     * {@code [NUM_COLUMNS_MISMATCH]}. Unlike Spark, which widens the two sides to common types,
     * columns of different types fail with {@code [INCOMPATIBLE_COLUMN_TYPE]}.
     */
    public Dataset<T> union(Dataset<T> other) {
        LogicalPlan[] sides = setOperationSides("UNION", other, (l, r) -> new Union(List.of(l, r)));
        return withPlan(new Union(List.of(sides[0], sides[1]))); // a Row encoder of the widened schema
    }

    /**
     * This Dataset's plan and {@code other}'s as the two sides of a set operation, each column cast
     * to the wider type of both sides (Spark's WidenSetOperationTypes). A different column count
     * fails with {@code [NUM_COLUMNS_MISMATCH]}, columns with no common type with
     * {@code [INCOMPATIBLE_COLUMN_TYPE]} naming {@code operator} and ending with the plan
     * {@code node} builds.
     */
    private LogicalPlan[] setOperationSides(String operator, Dataset<?> other,
                                            java.util.function.BinaryOperator<LogicalPlan> node) {
        StructType a = plan.schema();
        StructType b = other.plan.schema();
        if (a.length() != b.length()) {
            Map<String, String> params = Map.of("operator", operator, "firstNumColumns", String.valueOf(a.length()),
                    "invalidOrdinalNum", ErrorParams.ordinal(1), "invalidNumColumns", String.valueOf(b.length()));
            // Spark checks a union's width as it builds it; the others' in CheckAnalysis, whose message ends with the plan
            throw Unchecked.raise(operator.equals("UNION") ? new AnalysisException("NUM_COLUMNS_MISMATCH", params)
                    : new ExtendedAnalysisException("NUM_COLUMNS_MISMATCH", params, node.apply(plan, other.plan)));
        }
        DataType[] wider = new DataType[a.length()];
        boolean widens = false;
        for (int i = 0; i < a.length(); i++) {
            wider[i] = io.tideway.engine.expr.CommonType.forSetOperation(a.apply(i).dataType(), b.apply(i).dataType());
            if (wider[i] == null) { // Spark's check of the analysed plan: the message ends with the plan
                throw Unchecked.raise(new ExtendedAnalysisException("INCOMPATIBLE_COLUMN_TYPE", Map.of("operator", operator,
                        "columnOrdinalNumber", ErrorParams.ordinal(i), "tableOrdinalNumber", ErrorParams.ordinal(1),
                        "dataType1", ErrorParams.type(b.apply(i).dataType()), "dataType2", ErrorParams.type(a.apply(i).dataType()),
                        "hint", ""), node.apply(plan, other.plan)));
            }
            widens |= !wider[i].equals(a.apply(i).dataType()) || !wider[i].equals(b.apply(i).dataType());
        }
        LogicalPlan left = widens ? castedTo(plan, wider) : plan;
        // Both sides derived from one frame share nodes; the right one gets its own so that each
        // branch scans its source, as in Spark.
        LogicalPlan right = plan.sharesNodeWith(other.plan) ? other.plan.freshCopy() : other.plan;
        return new LogicalPlan[] {left, widens ? castedTo(right, wider) : right};
    }

    /** {@code p}'s columns cast (invisibly, keeping their names) to {@code types}, as Spark's set operations widen them. */
    private static LogicalPlan castedTo(LogicalPlan p, DataType[] types) {
        StructType s = p.schema();
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            Expression e = Resolver.reference(s, i);
            cols.add(e.dataType().equals(types[i]) ? new Column(e)
                    : new Column(io.tideway.engine.expr.TypeCoercion.castIfNeeded(e, types[i])).as(s.apply(i).name()));
        }
        return SelectPlanner.select(cols, p);
    }

    /** As {@link #union(Dataset)}. */
    public Dataset<T> unionAll(Dataset<T> other) {
        return union(other);
    }

    // ---- set operations and Dataset methods of Spark's Java API (issue #15, helper "setops") ----

    /**
     * The distinct rows of this Dataset not in {@code other} (SQL's {@code EXCEPT DISTINCT}), rows
     * compared by position with nulls equal, columns widened as {@link #union(Dataset)} does. On a
     * stream Spark refuses a streaming {@code other} at {@code start()}.
     */
    public Dataset<T> except(Dataset<T> other) {
        return setOperation(SetOperation.Kind.EXCEPT, false, other);
    }

    /** As {@link #except(Dataset)}, keeping duplicates: a row {@code l} times here and {@code r} times in {@code other} stays {@code l - r} times. */
    public Dataset<T> exceptAll(Dataset<T> other) {
        return setOperation(SetOperation.Kind.EXCEPT, true, other);
    }

    /** The distinct rows of this Dataset also in {@code other} ({@code INTERSECT DISTINCT}); Spark refuses it on a stream. */
    public Dataset<T> intersect(Dataset<T> other) {
        return setOperation(SetOperation.Kind.INTERSECT, false, other);
    }

    /** As {@link #intersect(Dataset)}, keeping duplicates: {@code min(l, r)} times. */
    public Dataset<T> intersectAll(Dataset<T> other) {
        return setOperation(SetOperation.Kind.INTERSECT, true, other);
    }

    /**
     * Registers this Dataset as the temporary view {@code name} of its session, as
     * {@link #createOrReplaceTempView(String)}, but fails with Spark's
     * {@code [TEMP_TABLE_OR_VIEW_ALREADY_EXISTS]} when the session has a view of that name.
     */
    public void createTempView(String name) throws AnalysisException {
        if (session.hasView(name)) {
            throw new io.tideway.sql.catalyst.analysis.TempTableAlreadyExistsException(name);
        }
        createOrReplaceTempView(name);
    }

    /** Spark's deprecated name for {@link #createOrReplaceTempView(String)}. */
    @Deprecated
    public void registerTempTable(String tableName) {
        createOrReplaceTempView(tableName);
    }

    /**
     * Registers this Dataset as the global temporary view {@code name}, seen by every session of
     * the application as {@code global_temp.<name>} in {@code table()} and {@code sql()}; fails
     * with {@code [TEMP_TABLE_OR_VIEW_ALREADY_EXISTS]} when there is one of that name.
     */
    public void createGlobalTempView(String name) throws AnalysisException {
        if (!session.globalTempViews().register(name, plan, false)) {
            throw new io.tideway.sql.catalyst.analysis.TempTableAlreadyExistsException(name);
        }
    }

    /** As {@link #createGlobalTempView(String)}, replacing a global view of that name. */
    public void createOrReplaceGlobalTempView(String name) {
        session.globalTempViews().register(name, plan, true);
    }

    /**
     * The rows after the first {@code n} (Spark's {@code OFFSET}). A negative {@code n} fails as
     * Spark's {@code [INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE]}; Spark refuses it on a stream.
     */
    public Dataset<T> offset(int n) {
        io.tideway.engine.plan.Offset skipped = new io.tideway.engine.plan.Offset(n, plan);
        if (n < 0) {
            throw Unchecked.raise(new ExtendedAnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", Map.of(
                    "expr", ErrorParams.expr(String.valueOf(n)), "name", "offset", "v", String.valueOf(n)), skipped));
        }
        return new Dataset<>(session, skipped, encoder);
    }

    /**
     * Sorts each partition by {@code sortExprs}. A static Tideway Dataset is one partition, so
     * this is {@link #sort(Column...)} (where Spark, with several partitions, orders each apart);
     * on a stream Spark refuses it as it refuses {@code sort}.
     */
    public Dataset<T> sortWithinPartitions(Column... sortExprs) {
        return sort(sortExprs);
    }

    /** As {@link #sortWithinPartitions(Column...)}, by column names. */
    public Dataset<T> sortWithinPartitions(String sortCol, String... sortCols) {
        return sort(sortCol, sortCols);
    }

    /** Whether {@code collect()} and {@code take()} run without executors: the plan is a local relation, as Spark's. */
    public boolean isLocal() {
        return plan instanceof io.tideway.engine.plan.LocalRelation;
    }

    // ---- inputFiles, sameSemantics, semanticHash (surface) ----

    /**
     * The files this Dataset reads, as {@code file:} URIs, each once, as Spark's {@code inputFiles}:
     * those of every file read in its plan ({@code spark.read()}); none for a range, local rows or
     * a checkpointed Dataset. A stream fails as Spark's does (it plans the query as a batch).
     */
    public String[] inputFiles() {
        requireBatch();
        List<LogicalPlan> nodes = new ArrayList<>();
        plan.collect(nodes);
        java.util.Set<String> files = new java.util.LinkedHashSet<>();
        for (LogicalPlan n : nodes) {
            if (n instanceof io.tideway.engine.plan.DataSourceRelation d) {
                files.addAll(d.scan().inputFiles());
            }
        }
        return files.toArray(new String[0]);
    }

    /**
     * Whether {@code other} computes the same rows, as Spark's {@code sameSemantics}: the two plans'
     * canonical forms ({@link io.tideway.engine.plan.PlanCanonical}) are equal.
     */
    public boolean sameSemantics(Dataset<T> other) {
        return io.tideway.engine.plan.PlanCanonical.text(plan).equals(io.tideway.engine.plan.PlanCanonical.text(other.plan));
    }

    /** A hash of the plan's canonical form: equal for Datasets that {@link #sameSemantics} finds the same. */
    public int semanticHash() {
        return io.tideway.engine.plan.PlanCanonical.text(plan).hashCode();
    }

    // ---- end of inputFiles, sameSemantics, semanticHash ----

    /**
     * Turns the columns {@code values} into rows: for each input row, one row per value column,
     * with the {@code ids} columns, the value column's name in {@code variableColumnName} and its
     * value (cast to the value columns' common type) in {@code valueColumnName}. Rows keep Spark's
     * order (each input row's values in turn). Values of no common type fail with Spark's
     * {@code [UNPIVOT_VALUE_DATA_TYPE_MISMATCH]}.
     */
    public Dataset<Row> unpivot(Column[] ids, Column[] values, String variableColumnName, String valueColumnName) {
        if (values.length == 0) { // Spark's check of the analysed plan: the message ends with the plan
            throw Unchecked.raise(new ExtendedAnalysisException("UNPIVOT_REQUIRES_VALUE_COLUMNS", Map.of(), plan));
        }
        StructType resolved = select(values).logicalPlan().schema();
        List<DataType> valueTypes = new ArrayList<>();
        for (StructField f : resolved.fields()) {
            valueTypes.add(f.dataType());
        }
        DataType common = io.tideway.engine.expr.CommonType.of(valueTypes, false); // Spark's UnpivotCoercion: no string promotion
        if (common == null) {
            java.util.TreeSet<String> types = new java.util.TreeSet<>(); // Spark lists them sorted
            for (StructField f : resolved.fields()) {
                types.add(ErrorParams.type(f.dataType()) + " (" + ErrorParams.id(f.name()) + ")");
            }
            throw Unchecked.raise(new ExtendedAnalysisException("UNPIVOT_VALUE_DATA_TYPE_MISMATCH",
                    Map.of("types", String.join(", ", types)), plan));
        }
        // one struct per value column, exploded in order: Spark's Expand gives each row's values in turn
        Column[] pairs = new Column[values.length];
        for (int i = 0; i < values.length; i++) {
            pairs[i] = functions.struct(functions.lit(resolved.apply(i).name()).as(variableColumnName),
                    values[i].cast(common).as(valueColumnName));
        }
        String hidden = "__unpivot";
        List<Column> exploded = new ArrayList<>(Arrays.asList(ids));
        exploded.add(functions.explode(functions.array(pairs)).as(hidden));
        List<Column> out = new ArrayList<>();
        for (String id : select(ids).columns()) {
            out.add(functions.col(ErrorParams.id(id)));
        }
        out.add(functions.col(hidden).getField(variableColumnName).as(variableColumnName));
        out.add(functions.col(hidden).getField(valueColumnName).as(valueColumnName));
        return select(exploded.toArray(new Column[0])).select(out.toArray(new Column[0]));
    }

    /** As {@link #unpivot(Column[], Column[], String, String)}, every column not among {@code ids} being a value column. */
    public Dataset<Row> unpivot(Column[] ids, String variableColumnName, String valueColumnName) {
        java.util.Set<String> idNames = new java.util.HashSet<>();
        for (String n : select(ids).columns()) {
            idNames.add(n.toLowerCase(java.util.Locale.ROOT));
        }
        List<Column> values = new ArrayList<>();
        for (int i = 0; i < plan.schema().length(); i++) {
            if (!idNames.contains(plan.schema().apply(i).name().toLowerCase(java.util.Locale.ROOT))) {
                values.add(field(i));
            }
        }
        return unpivot(ids, values.toArray(new Column[0]), variableColumnName, valueColumnName);
    }

    /** Spark's alias of {@link #unpivot(Column[], Column[], String, String)}. */
    public Dataset<Row> melt(Column[] ids, Column[] values, String variableColumnName, String valueColumnName) {
        return unpivot(ids, values, variableColumnName, valueColumnName);
    }

    /** Spark's alias of {@link #unpivot(Column[], String, String)}. */
    public Dataset<Row> melt(Column[] ids, String variableColumnName, String valueColumnName) {
        return unpivot(ids, variableColumnName, valueColumnName);
    }

    /**
     * About {@code fraction} of the rows, each kept independently (Bernoulli sampling), drawn as
     * Spark draws them for {@code seed}: per partition of a range or a local relation, with Spark's
     * generator seeded {@code seed + partition}, so that a seed picks Spark's rows. Spark refuses
     * it on a stream at {@code start()}.
     */
    public Dataset<T> sample(double fraction, long seed) {
        return sample(false, fraction, seed);
    }

    /** As {@link #sample(double, long)} with a random seed. */
    public Dataset<T> sample(double fraction) {
        return sample(fraction, new java.util.Random().nextLong());
    }

    /**
     * As {@link #sample(double, long)}; with {@code withReplacement} each row is kept as many times
     * as Spark's {@code PoissonSampler} (mean {@code fraction}) draws for it, per partition, with
     * the partition's seed from {@code java.util.Random(seed)} as Spark takes it, so that a seed
     * repeats Spark's rows.
     */
    public Dataset<T> sample(boolean withReplacement, double fraction, long seed) {
        final double eps = 1e-6; // Spark's RandomSampler.roundingEpsilon
        if (withReplacement && !(fraction >= -eps)) {
            throw new IllegalArgumentException("requirement failed: Sampling fraction (" + fraction
                    + ") must be nonnegative with replacement");
        }
        if (!withReplacement && !(fraction >= -eps && fraction <= 1.0 + eps)) {
            throw new IllegalArgumentException("requirement failed: Sampling fraction (" + fraction
                    + ") must be on interval [0, 1] without replacement");
        }
        return new Dataset<>(session, sampled(0.0, fraction, withReplacement, seed, false, plan), encoder);
    }

    /** As {@link #sample(boolean, double, long)} with a random seed. */
    public Dataset<T> sample(boolean withReplacement, double fraction) {
        return sample(withReplacement, fraction, new java.util.Random().nextLong());
    }

    /**
     * Splits the rows into Datasets of about the given relative {@code weights}, as Spark's
     * {@code randomSplit}: each partition is sorted by its orderable columns, then one draw per row
     * from Spark's seeded generator picks the split, so that the splits are disjoint and a seed
     * gives Spark's rows.
     */
    @SuppressWarnings("unchecked")
    public Dataset<T>[] randomSplit(double[] weights, long seed) {
        double sum = 0;
        for (double w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("requirement failed: Weights must be nonnegative, but got "
                        + io.tideway.engine.plan.Sample.weightsText(weights));
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("requirement failed: Sum of weights must be positive, but got "
                    + io.tideway.engine.plan.Sample.weightsText(weights));
        }
        Dataset<T>[] out = new Dataset[weights.length];
        double lower = 0;
        for (int i = 0; i < weights.length; i++) {
            double upper = lower + weights[i] / sum; // Spark's scanLeft over the normalized weights
            out[i] = new Dataset<>(session, sampled(lower, upper, false, seed, true, plan), encoder);
            lower = upper;
        }
        return out;
    }

    /** As {@link #randomSplit(double[], long)} with a random seed. */
    public Dataset<T>[] randomSplit(double[] weights) {
        return randomSplit(weights, new java.util.Random().nextLong());
    }

    /** As {@link #randomSplit(double[], long)}, as a list. */
    public List<Dataset<T>> randomSplitAsList(double[] weights, long seed) {
        return Arrays.asList(randomSplit(weights, seed));
    }

    private io.tideway.engine.plan.Sample sampled(double lower, double upper, boolean withReplacement, long seed,
                                                  boolean sortPartitions, LogicalPlan input) {
        return new io.tideway.engine.plan.Sample(lower, upper, withReplacement, seed, sortPartitions,
                session.sparkContext().defaultParallelism(), input);
    }

    /**
     * This Dataset's columns brought to {@code schema}, as Spark's {@code to}: each field takes the
     * column of its name (case-insensitively; a missing nullable field is null), in the schema's
     * order and names, cast where Spark's ANSI store assignment allows it. A nullable column for a
     * non-nullable field fails with {@code [NULLABLE_COLUMN_OR_FIELD]}, a type that cannot be
     * assigned with {@code [INVALID_COLUMN_OR_FIELD_DATA_TYPE]}. Unlike Spark, a struct, array or
     * map column is not reconciled field by field: its type must be the field's.
     */
    public Dataset<Row> to(StructType schema) {
        StructType in = plan.schema();
        List<Column> cols = new ArrayList<>();
        for (StructField f : schema.fields()) {
            int i = Resolver.ordinalOf(f.name(), in);
            if (i < 0) {
                if (!f.nullable()) { // the analyzer's UNRESOLVED_COLUMN, with its suggestions
                    Resolver.resolve(new io.tideway.engine.expr.UnresolvedAttribute(f.name()), plan);
                }
                cols.add(functions.lit(null).cast(f.dataType()).as(f.name()));
                continue;
            }
            StructField c = in.apply(i);
            if (c.nullable() && !f.nullable()) {
                throw Unchecked.raise(new AnalysisException("NULLABLE_COLUMN_OR_FIELD", Map.of("name", ErrorParams.id(c.name()))));
            }
            Column col = field(i);
            if (!c.dataType().equals(f.dataType())) {
                if (!canAnsiStoreAssign(c.dataType(), f.dataType())) {
                    throw Unchecked.raise(new AnalysisException("INVALID_COLUMN_OR_FIELD_DATA_TYPE", Map.of("name",
                            ErrorParams.id(c.name()), "type", ErrorParams.type(c.dataType()),
                            "expectedType", ErrorParams.type(f.dataType()))));
                }
                col = col.cast(f.dataType());
            }
            cols.add(col.as(f.name()));
        }
        return select(cols.toArray(new Column[0]));
    }

    /** Spark's {@code Cast.canANSIStoreAssign} for the types Tideway has. */
    private static boolean canAnsiStoreAssign(DataType from, DataType to) {
        if (from.equals(to) || from == io.tideway.sql.types.DataTypes.NullType) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if (to == io.tideway.sql.types.DataTypes.StringType) {
            return !(from instanceof StructType || from instanceof io.tideway.sql.types.ArrayType
                    || from instanceof io.tideway.sql.types.MapType);
        }
        return isDatetime(from) && isDatetime(to);
    }

    private static boolean isDatetime(DataType t) {
        return t == io.tideway.sql.types.DataTypes.DateType || t == io.tideway.sql.types.DataTypes.TimestampType
                || t == io.tideway.sql.types.DataTypes.TimestampNTZType;
    }

    /** The column {@code columnName} carrying {@code metadata} in place of its own, as Spark's {@code withMetadata}. */
    public Dataset<Row> withMetadata(String columnName, io.tideway.sql.types.Metadata metadata) {
        return withColumn(columnName, col(columnName).as(columnName, metadata));
    }

    /**
     * The columns whose names match a regular expression written in backquotes ({@code "`a.*`"},
     * or {@code "t.`a.*`"} for those of alias {@code t}), for {@code select}; any other name is
     * {@link #col(String)}. Case-insensitive unless {@code spark.sql.caseSensitive}, as Spark.
     */
    public Column colRegex(String colName) {
        boolean caseSensitive = Boolean.parseBoolean(session.conf().get("spark.sql.caseSensitive", "false"));
        java.util.regex.Matcher plain = java.util.regex.Pattern.compile("`((?s).+)`").matcher(colName);
        if (plain.matches()) {
            return new Column(new io.tideway.engine.expr.UnresolvedRegex(plain.group(1), null, caseSensitive));
        }
        java.util.regex.Matcher qualified = java.util.regex.Pattern.compile("((?s).+)\\.`((?s).+)`").matcher(colName);
        if (qualified.matches()) {
            return new Column(new io.tideway.engine.expr.UnresolvedRegex(qualified.group(2), qualified.group(1), caseSensitive));
        }
        return col(colName);
    }

    private Dataset<T> setOperation(SetOperation.Kind kind, boolean all, Dataset<T> other) {
        // the SQL statement Spark names in its errors: EXCEPT, EXCEPT ALL, INTERSECT, INTERSECT ALL
        String operator = kind.name() + (all ? " ALL" : "");
        LogicalPlan[] sides = setOperationSides(operator, other, (l, r) -> new SetOperation(kind, all, l, r));
        return withPlan(new SetOperation(kind, all, sides[0], sides[1]));
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

    /**
     * Drops rows whose named columns equal an earlier row's; see {@link #dropDuplicates(String[])}.
     */
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

    /** As {@link #dropDuplicatesWithinWatermark()}, comparing only {@code cols}. */
    public Dataset<T> dropDuplicatesWithinWatermark(String[] cols) {
        return new Dataset<>(session, new Deduplicate(dedupKeys(cols), true, plan), encoder);
    }

    /** As {@link #dropDuplicatesWithinWatermark()}, comparing only the named columns. */
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

    // ---- sorting, limits, set operations ----

    /** Sorts by the given columns ({@code col("v").desc()}, or ascending, nulls first by default); see {@link #sort(Column...)}. */
    public Dataset<T> orderBy(Column... sortExprs) {
        return sort(sortExprs);
    }

    /** As {@link #sort(String, String...)}. */
    public Dataset<T> orderBy(String sortCol, String... sortCols) {
        return sort(sortCol, sortCols);
    }

    /** Sorts by the named columns, ascending with nulls first; see {@link #sort(Column...)}. */
    public Dataset<T> sort(String sortCol, String... sortCols) {
        Column[] cols = new Column[sortCols.length + 1];
        cols[0] = new Column(sortCol);
        for (int i = 0; i < sortCols.length; i++) {
            cols[i + 1] = new Column(sortCols[i]);
        }
        return sort(cols);
    }

    /**
     * A global sort, as Spark's: on a static Dataset the rows are sorted when an action runs; on a
     * stream {@code start()} accepts it only above an aggregation in Complete mode (each batch's
     * complete result is sorted) and refuses it elsewhere in Spark's words. A key that is not a
     * column is computed in a hidden column, as Spark's analyser does.
     */
    public Dataset<T> sort(Column... sortExprs) {
        LogicalPlan input = plan;
        for (Column c : sortExprs) {
            input = MissingReferences.widenFor(orderOf(c).child(), input);
        }
        List<Expression> hidden = new ArrayList<>();
        List<io.tideway.engine.plan.Sort.Order> orders = new ArrayList<>();
        int width = input.schema().length();
        for (Column c : sortExprs) {
            io.tideway.engine.expr.SortOrder o = orderOf(c);
            Expression key = Resolver.resolve(o.child(), input);
            int ordinal;
            if (key instanceof BoundReference r) {
                ordinal = r.ordinal();
            } else {
                ordinal = width + hidden.size();
                hidden.add(key);
            }
            orders.add(new io.tideway.engine.plan.Sort.Order(ordinal, o.descending(), o.nullsFirst()));
        }
        LogicalPlan below = input;
        if (!hidden.isEmpty()) {
            List<Expression> all = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                all.add(Resolver.reference(input.schema(), i));
            }
            all.addAll(hidden);
            below = new Project(all, input);
        }
        LogicalPlan sorted = new io.tideway.engine.plan.Sort(orders, below);
        if (below != plan) {
            sorted = MissingReferences.projectBack(sorted, plan.schema());
        }
        return new Dataset<>(session, sorted, encoder);
    }

    /** A Dataset of this one's type over {@code p}, whose columns may differ: rows take {@code p}'s schema. */
    @SuppressWarnings("unchecked")
    private Dataset<T> withPlan(LogicalPlan p) {
        return new Dataset<>(session, p, encoder instanceof RowEncoder ? (Encoder<T>) new RowEncoder(p.schema()) : encoder);
    }

    private static io.tideway.engine.expr.SortOrder orderOf(Column c) {
        return c.expr() instanceof io.tideway.engine.expr.SortOrder o ? o : io.tideway.engine.expr.SortOrder.of(c.expr(), false);
    }

    /**
     * The first {@code n} rows. On a stream Spark runs it in Append and Complete mode and refuses
     * it in Update mode at {@code start()}; Tideway runs it above an aggregation in Complete mode.
     */
    public Dataset<T> limit(int n) {
        io.tideway.engine.plan.Limit limited = io.tideway.engine.plan.Limit.of(n, plan);
        if (n < 0) {
            throw Unchecked.raise(new ExtendedAnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", Map.of(
                    "expr", ErrorParams.expr(String.valueOf(n)), "name", "limit", "v", String.valueOf(n)), limited));
        }
        return new Dataset<>(session, limited, encoder);
    }

    /** The distinct rows: Spark's {@code dropDuplicates()} (stateful on a stream). */
    public Dataset<T> distinct() {
        return dropDuplicates();
    }

    /**
     * Union by column name: {@code other}'s columns are matched to this Dataset's by name
     * (case-insensitively), so their order may differ.
     */
    public Dataset<T> unionByName(Dataset<T> other) {
        return unionByName(other, false);
    }

    /**
     * As {@link #unionByName(Dataset)}; with {@code allowMissingColumns}, a column only one side
     * has is null on the other side, and {@code other}'s extra columns come last.
     */
    public Dataset<T> unionByName(Dataset<T> other, boolean allowMissingColumns) {
        StructType a = plan.schema();
        StructType b = other.plan.schema();
        List<Column> rightCols = new ArrayList<>();
        for (StructField f : a.fields()) {
            int i = Resolver.ordinalOf(f.name(), b);
            if (i >= 0) {
                rightCols.add(new Column(Resolver.reference(b, i)));
            } else if (allowMissingColumns) {
                rightCols.add(functions.lit(null).cast(f.dataType()).as(f.name()));
            } else {
                throw Unchecked.raise(new AnalysisException("_LEGACY_ERROR_TEMP_1201",
                        Map.of("colName", f.name(), "fieldNames", String.join(", ", b.fieldNames()))));
            }
        }
        List<Column> leftCols = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            leftCols.add(field(i));
        }
        for (int i = 0; i < b.length(); i++) {
            StructField f = b.apply(i);
            if (Resolver.ordinalOf(f.name(), a) < 0) {
                if (!allowMissingColumns) {
                    throw Unchecked.raise(new AnalysisException("NUM_COLUMNS_MISMATCH", Map.of("operator", "UNION",
                            "firstNumColumns", String.valueOf(a.length()), "invalidOrdinalNum", ErrorParams.ordinal(1),
                            "invalidNumColumns", String.valueOf(b.length()))));
                }
                leftCols.add(functions.lit(null).cast(f.dataType()).as(f.name()));
                rightCols.add(new Column(Resolver.reference(b, i)));
            }
        }
        Dataset<T> left = leftCols.size() == a.length() ? this : withPlan(SelectPlanner.select(leftCols, plan));
        Dataset<T> right = other.withPlan(SelectPlanner.select(rightCols, other.plan));
        return left.union(right);
    }

    /** This Dataset under an alias, so that its columns may be named {@code alias.column}. */
    public Dataset<T> as(String alias) {
        return new Dataset<>(session, new io.tideway.engine.plan.SubqueryAlias(alias, plan), encoder);
    }

    /** As {@link #as(String)}. */
    public Dataset<T> alias(String alias) {
        return as(alias);
    }

    /**
     * Spark's {@code observe}: this Dataset's rows, unchanged, with named metrics aggregated over
     * them ({@code count(lit(1)).as("rows")}, {@code max(col("v"))}, ...). On a stream each
     * trigger's metrics appear in its progress's {@code observedMetrics}; on a static Dataset use
     * {@link #observe(Observation, Column, Column...)}.
     */
    public Dataset<T> observe(String name, Column expr, Column... exprs) {
        return observed(name, expr, exprs, null);
    }

    /** {@link #observe(String, Column, Column...)} of a static Dataset, read through {@code observation} after an action. */
    public Dataset<T> observe(Observation observation, Column expr, Column... exprs) {
        observation.register(isStreaming());
        return observed(observation.name(), expr, exprs, observation::complete);
    }

    private Dataset<T> observed(String name, Column expr, Column[] exprs, java.util.function.Consumer<Row> observation) {
        List<Column> metrics = new ArrayList<>();
        metrics.add(expr);
        metrics.addAll(Arrays.asList(exprs));
        return new Dataset<>(session, io.tideway.engine.plan.CollectMetrics.of(name, metrics, plan, observation), encoder);
    }

    // ---- accepted for Spark programs: caching, partitioning and hints change nothing in Tideway ----

    // ---- checkpoint and localCheckpoint (surface) ----

    /**
     * This Dataset's rows computed now and kept, as Spark's {@code checkpoint()}: later actions
     * read the kept rows (a non-deterministic plan gives the same rows each time), and the plan
     * is cut there ({@link #inputFiles()} is empty). As Spark it requires
     * {@code sparkContext().setCheckpointDir}; Tideway keeps the rows in memory, not in that
     * directory. A stream fails as its {@code collect} does.
     */
    public Dataset<T> checkpoint() {
        return checkpoint(true);
    }

    /**
     * As {@link #checkpoint()}; Spark's lazy form ({@code eager = false}) computes the rows at the
     * first action, Tideway at once, so that the rows are the same for every action that follows.
     */
    public Dataset<T> checkpoint(boolean eager) {
        if (session.sparkContext().getCheckpointDir().isEmpty()) {
            throw io.tideway.engine.error.Unchecked.raise(
                    new io.tideway.SparkException("Checkpoint directory has not been set in the SparkContext"));
        }
        return localCheckpoint(eager);
    }

    /** As {@link #checkpoint()}, without a checkpoint directory, as Spark's {@code localCheckpoint()}. */
    public Dataset<T> localCheckpoint() {
        return localCheckpoint(true);
    }

    /** As {@link #checkpoint(boolean)}, without a checkpoint directory. */
    public Dataset<T> localCheckpoint(boolean eager) {
        List<Row> rows = Dataset.ofRows(session, plan).collectAsList();
        return new Dataset<>(session, new io.tideway.engine.plan.LocalRelation(plan.schema(), rows), encoder);
    }

    /** As {@link #localCheckpoint(boolean)}; Tideway keeps the rows in memory whatever the level. */
    public Dataset<T> localCheckpoint(boolean eager, io.tideway.storage.StorageLevel storageLevel) {
        return localCheckpoint(eager);
    }

    // ---- end of checkpoint and localCheckpoint ----

    /** Accepted; Tideway does not cache (a static Dataset is recomputed by each action, a stream is never cached). */
    public Dataset<T> persist() {
        return this;
    }

    /** Accepted; the storage level is not used (see {@link #persist()}). */
    public Dataset<T> persist(io.tideway.storage.StorageLevel newLevel) {
        return this;
    }

    /** Accepted for Spark programs; Tideway does not cache (see {@link #persist()}). */
    public Dataset<T> cache() {
        return this;
    }

    /** Accepted for Spark programs; nothing was cached. */
    public Dataset<T> unpersist() {
        return this;
    }

    /** Accepted for Spark programs; nothing was cached. */
    public Dataset<T> unpersist(boolean blocking) {
        return this;
    }

    /** Accepted; Tideway's partitioning is its own (source partitions, then {@code spark.sql.shuffle.partitions}). */
    public Dataset<T> repartition(int numPartitions) {
        requirePositivePartitions(numPartitions);
        return this;
    }

    /**
     * Accepted after checking {@code numPartitions} is positive and the columns resolve, as Spark
     * checks them; the partitioning is Tideway's own (see {@link #repartition(int)}).
     */
    public Dataset<T> repartition(int numPartitions, Column... partitionExprs) {
        requirePositivePartitions(numPartitions);
        return repartition(partitionExprs);
    }

    /** Accepted after checking the columns resolve; the partitioning is Tideway's own. */
    public Dataset<T> repartition(Column... partitionExprs) {
        for (Column c : partitionExprs) {
            io.tideway.engine.plan.VariantRefusals.requirePartitionable(Resolver.resolve(c.expr(), plan), plan); // an unknown column fails as in Spark
        }
        return this;
    }

    /**
     * Accepted after checking {@code numPartitions} is positive and the columns resolve; the
     * partitioning is Tideway's own.
     */
    public Dataset<T> repartitionByRange(int numPartitions, Column... partitionExprs) {
        requirePositivePartitions(numPartitions);
        return repartition(partitionExprs);
    }

    /** Accepted after checking the columns resolve; the partitioning is Tideway's own. */
    public Dataset<T> repartitionByRange(Column... partitionExprs) {
        return repartition(partitionExprs);
    }

    /**
     * Accepted after checking {@code numPartitions} is positive ({@code IllegalArgumentException}
     * otherwise, as Spark); the partitioning is Tideway's own.
     */
    public Dataset<T> coalesce(int numPartitions) {
        requirePositivePartitions(numPartitions);
        return this;
    }

    private static void requirePositivePartitions(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("requirement failed: Number of partitions (" + n + ") must be positive.");
        }
    }

    /**
     * Accepted and ignored, as Spark ignores a hint it does not know; Tideway's joins have one
     * strategy and its partitions follow its own plan. The partitioning hints' parameters are
     * checked as Spark's analyzer checks them ({@link HintParameters}).
     */
    public Dataset<T> hint(String name, Object... parameters) {
        HintParameters.check(name, parameters);
        return this;
    }

    /** The first value of {@code p}'s first row: what a correlated {@code scalar()} gives an outer row without rows. */
    private Object firstValue(LogicalPlan p) {
        return Dataset.ofRows(session, p).collectAsList().get(0).get(0);
    }

    /**
     * This Dataset's one value as a column of another Dataset ({@code other.select(col("k"),
     * df.select(max("v")).scalar())}), named {@code scalarsubquery()}, as Spark's scalar subquery:
     * null when it has no rows.
     */
    public Column scalar() {
        return new Column(new io.tideway.engine.plan.SubqueryExpression(plan, false));
    }

    /**
     * Whether this Dataset has rows, as a filter condition of another Dataset
     * ({@code other.where(df.where(col("k").equalTo(col("o.k").outer())).exists())}), as Spark's
     * EXISTS subquery; {@code not(...)} of it keeps the rows for which it has none.
     */
    public Column exists() {
        return new Column(new io.tideway.engine.plan.SubqueryExpression(plan, true));
    }

    /**
     * Spark 4's lateral join: each row of this Dataset with the rows of {@code right}, which may
     * read this row's columns as {@code col("l.k").outer()} in its filters and projections
     * ({@link io.tideway.engine.plan.LateralJoinPlanner}).
     */
    public Dataset<Row> lateralJoin(Dataset<?> right) {
        return lateralJoin(right, (Column) null, "inner");
    }

    /** {@link #lateralJoin(Dataset)} whose rows also satisfy {@code joinExprs}. */
    public Dataset<Row> lateralJoin(Dataset<?> right, Column joinExprs) {
        return lateralJoin(right, joinExprs, "inner");
    }

    /** {@link #lateralJoin(Dataset)} of type {@code joinType}: {@code inner}, {@code cross} or {@code left} ({@code left_outer}). */
    public Dataset<Row> lateralJoin(Dataset<?> right, String joinType) {
        return lateralJoin(right, (Column) null, joinType);
    }

    /** {@link #lateralJoin(Dataset, Column)} of type {@code joinType}. */
    public Dataset<Row> lateralJoin(Dataset<?> right, Column joinExprs, String joinType) {
        String typ = joinType.toLowerCase(java.util.Locale.ROOT).replace("_", "");
        if (!typ.equals("inner") && !typ.equals("cross") && !typ.equals("left") && !typ.equals("leftouter")) {
            throw Unchecked.raise(new AnalysisException("UNSUPPORTED_JOIN_TYPE", Map.of("typ", joinType,
                    "supported", "'inner', 'leftouter', 'left', 'left_outer', 'cross'")));
        }
        return Dataset.ofRows(session, io.tideway.engine.plan.LateralJoinPlanner.join(plan, right.plan,
                joinExprs == null ? null : joinExprs.expr(), JoinType.parse(typ)));
    }

    /** Inner join with {@code right} on {@code joinExprs}, e.g. {@code a.col("id").equalTo(b.col("id"))}. */
    public Dataset<Row> join(Dataset<?> right, Column joinExprs) {
        return join(right, joinExprs, "inner");
    }

    /** Join of type {@code joinType} ({@code inner}, {@code left_outer}, {@code right_outer}, {@code left_semi}, ...). */
    public Dataset<Row> join(Dataset<?> right, Column joinExprs, String joinType) {
        return Dataset.ofRows(session, JoinPlanner.join(plan, right.plan, joinExprs.expr(), JoinType.parse(joinType)));
    }

    /**
     * Spark's typed join: each pair of joined objects as a {@code scala.Tuple2} (columns {@code _1}
     * and {@code _2}: an object of one column is that column, any other a struct of its columns);
     * in an outer join the missing side is null, not an object of nulls.
     */
    public <U> Dataset<Tuple2<T, U>> joinWith(Dataset<U> other, Column condition, String joinType) {
        JoinType type = JoinType.parse(joinType);
        if (type.leftOnly()) {
            throw Unchecked.raise(new AnalysisException("INVALID_JOIN_TYPE_FOR_JOINWITH",
                    Map.of("joinType", type == JoinType.LEFT_SEMI ? "LEFT SEMI" : "LEFT ANTI")));
        }
        // each side carries a marker that is null exactly where the outer join found no partner
        String marker = "__joinWith_matched";
        Dataset<Row> left = withMarker(marker);
        Dataset<Row> right = other.withMarker(marker);
        Dataset<Row> joined = left.join(right, condition, joinType);
        int leftWidth = left.plan.schema().length();
        Column first = side(joined, 0, leftWidth - 1, TupleEncoder.storedFlat(encoder),
                type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER);
        Column second = side(joined, leftWidth, right.plan.schema().length() - 1, TupleEncoder.storedFlat(other.encoder),
                type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER);
        LogicalPlan pairs = SelectPlanner.select(List.of(first.as("_1"), second.as("_2")), joined.plan);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Encoder<Tuple2<T, U>> pair = (Encoder) new TupleEncoder<>(List.of(encoder, other.encoder));
        return new Dataset<>(session, pairs, pair);
    }

    /** An inner {@link #joinWith(Dataset, Column, String)}. */
    public <U> Dataset<Tuple2<T, U>> joinWith(Dataset<U> other, Column condition) {
        return joinWith(other, condition, "inner");
    }

    /** This Dataset's objects' columns and a last, never-null {@code marker} column. */
    private Dataset<Row> withMarker(String marker) {
        LogicalPlan typed = typedPlan();
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < typed.schema().length(); i++) {
            cols.add(new Column(Resolver.reference(typed.schema(), i)));
        }
        cols.add(functions.lit(true).as(marker));
        return Dataset.ofRows(session, SelectPlanner.select(cols, typed));
    }

    /** One side of a joinWith row: its only column ({@code flat}), or a struct of its columns; null where {@code nullable} and unmatched. */
    private static Column side(Dataset<Row> joined, int from, int width, boolean flat, boolean nullable) {
        StructType s = joined.plan.schema();
        Column value;
        if (flat) {
            value = new Column(Resolver.reference(s, from));
        } else {
            Column[] fields = new Column[width];
            for (int i = 0; i < width; i++) {
                fields[i] = new Column(Resolver.reference(s, from + i));
            }
            value = functions.struct(fields);
        }
        return nullable ? functions.when(new Column(Resolver.reference(s, from + width)).isNotNull(), value) : value;
    }

    /** Inner join on equal values of a column both sides have; the column appears once in the output. */
    public Dataset<Row> join(Dataset<?> right, String usingColumn) {
        return join(right, new String[] {usingColumn}, "inner");
    }

    /** Join on equal values of columns both sides have (Spark's {@code join(right, Seq(cols), joinType)}). */
    public Dataset<Row> join(Dataset<?> right, String[] usingColumns, String joinType) {
        return Dataset.ofRows(session, JoinPlanner.joinUsing(plan, right.plan, Arrays.asList(usingColumns), JoinType.parse(joinType)));
    }

    /** As {@link #join(Dataset, String[], String)}, the columns given as a list. */
    public Dataset<Row> join(Dataset<?> right, List<String> usingColumns, String joinType) {
        return join(right, usingColumns.toArray(new String[0]), joinType);
    }

    /** Inner join without a condition: every pair of rows (Spark's {@code join(right)}). */
    public Dataset<Row> join(Dataset<?> right) {
        return Dataset.ofRows(session, JoinPlanner.join(plan, right.plan, null, JoinType.INNER));
    }

    /** Inner join on equal values of columns both sides have; each appears once in the output. */
    public Dataset<Row> join(Dataset<?> right, String[] usingColumns) {
        return join(right, usingColumns, "inner");
    }

    /** Join of type {@code joinType} on equal values of a column both sides have. */
    public Dataset<Row> join(Dataset<?> right, String usingColumn, String joinType) {
        return join(right, new String[] {usingColumn}, joinType);
    }

    /** Cartesian product. */
    public Dataset<Row> crossJoin(Dataset<?> right) {
        return Dataset.ofRows(session, JoinPlanner.join(plan, right.plan, null, JoinType.CROSS));
    }

    /** Spark's missing-data functions: {@code drop}, {@code fill}, {@code replace}. */
    public DataFrameNaFunctions na() {
        return new DataFrameNaFunctions(toDF());
    }

    /** Spark's statistic functions: quantiles, covariance, crosstab, frequent items, sampleBy, sketches. */
    public DataFrameStatFunctions stat() {
        return new DataFrameStatFunctions(toDF());
    }

    /**
     * A DataFrame without the column {@code col} refers to, as Spark 4 resolves it: a column of
     * this Dataset by name (case-insensitively) or by the Dataset it came from ({@code other.col}
     * after a join); a name it lacks or an expression that is not a column drops nothing.
     */
    public Dataset<Row> drop(Column col) {
        return drop(col, new Column[0]);
    }

    /** A DataFrame without the columns {@code col} and {@code cols} refer to (see {@link #drop(Column)}). */
    public Dataset<Row> drop(Column col, Column... cols) {
        java.util.Set<Integer> dropped = new java.util.HashSet<>();
        for (Column c : concat(col, cols)) {
            if (c.expr() instanceof io.tideway.engine.expr.UnresolvedAttribute) {
                try {
                    if (Resolver.resolve(c.expr(), plan) instanceof io.tideway.engine.expr.BoundReference b) {
                        dropped.add(b.ordinal());
                    }
                } catch (Exception e) { // Spark leaves a name it cannot resolve out of the drop list
                    if (!(e instanceof AnalysisException a) || a.getCondition() == null
                            || !a.getCondition().startsWith("UNRESOLVED_COLUMN")) {
                        throw e;
                    }
                }
            }
        }
        List<Column> kept = new ArrayList<>();
        for (int i = 0; i < plan.schema().length(); i++) {
            if (!dropped.contains(i)) {
                kept.add(field(i));
            }
        }
        return dropped.isEmpty() ? toDF() : select(kept.toArray(new Column[0]));
    }

    private static Column[] concat(Column first, Column[] rest) {
        Column[] all = new Column[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * Spark 4's transpose on the first column: its sorted non-null values become the columns,
     * the other columns the rows (a {@code key} column of their names). Runs this Dataset.
     */
    public Dataset<Row> transpose() {
        requireBatch();
        return DatasetTranspose.transpose(toDF(), null);
    }

    /** Spark 4's transpose on {@code indexColumn} (a column of atomic type of this Dataset). */
    public Dataset<Row> transpose(Column indexColumn) {
        requireBatch();
        return DatasetTranspose.transpose(toDF(), indexColumn);
    }

    /**
     * Prints the first {@code numRows} rows with cells longer than {@code truncate} characters cut;
     * {@code vertical} prints one {@code -RECORD i} block per row, as Spark's.
     */
    public void show(int numRows, int truncate, boolean vertical) {
        if (!vertical) {
            show(numRows, truncate);
            return;
        }
        requireBatch();
        List<Row> rows = BatchExecutor.collect(plan, new RowEncoder(plan.schema(), false), evalContext());
        System.out.println(io.tideway.engine.exec.VerticalShowString.format(plan.schema(), rows, numRows, truncate));
    }

    /** Groups by the key {@code func} gives each object, for {@code mapGroupsWithState} and friends. */
    public <K> KeyValueGroupedDataset<K, T> groupByKey(MapFunction<T, K> func, Encoder<K> keyEncoder) {
        return new KeyValueGroupedDataset<>(session, typedPlan(), func, keyEncoder, encoder);
    }

    /**
     * Groups the rows by these columns or expressions, for aggregations ({@code agg},
     * {@code count}, {@code sum}, ...). On a stream the aggregation keeps state; see
     * {@link RelationalGroupedDataset#agg(Column, Column...)}.
     */
    public RelationalGroupedDataset groupBy(Column... cols) {
        return new RelationalGroupedDataset(session, plan, Arrays.asList(cols));
    }

    /** Groups the rows by the named columns, as {@link #groupBy(Column...)}. */
    public RelationalGroupedDataset groupBy(String col, String... cols) {
        List<Column> all = new ArrayList<>();
        all.add(new Column(col));
        for (String c : cols) {
            all.add(new Column(c));
        }
        return new RelationalGroupedDataset(session, plan, all);
    }

    /**
     * Groups by the columns and by each prefix of them, down to no column at all (subtotals and a
     * grand total), as Spark's {@code rollup}: {@code rollup(a, b)} groups by {@code (a, b)},
     * {@code (a)} and {@code ()}; a column outside the row's grouping set is null, which
     * {@code grouping(col)} tells from a null value.
     */
    public RelationalGroupedDataset rollup(Column... cols) {
        return RelationalGroupedDataset.groupingSets(session, plan, Arrays.asList(cols),
                GroupingSetsPlanner.rollupSets(cols.length));
    }

    /** As {@link #rollup(Column...)}, of the named columns. */
    public RelationalGroupedDataset rollup(String col, String... cols) {
        return rollup(named(col, cols));
    }

    /** Groups by every subset of the columns, as Spark's {@code cube}; see {@link #rollup(Column...)}. */
    public RelationalGroupedDataset cube(Column... cols) {
        return RelationalGroupedDataset.groupingSets(session, plan, Arrays.asList(cols),
                GroupingSetsPlanner.cubeSets(cols.length));
    }

    /** As {@link #cube(Column...)}, of the named columns. */
    public RelationalGroupedDataset cube(String col, String... cols) {
        return cube(named(col, cols));
    }

    /**
     * Groups by each of {@code groupingSets}, whose columns are among {@code cols}, as Spark 4's
     * {@code groupingSets} (whose Scala {@code Seq}s are Java {@code List}s here); see
     * {@link #rollup(Column...)}.
     */
    public RelationalGroupedDataset groupingSets(List<List<Column>> groupingSets, Column... cols) {
        List<Column> all = Arrays.asList(cols);
        return RelationalGroupedDataset.groupingSets(session, plan, all,
                GroupingSetsPlanner.positions(groupingSets, all, plan));
    }

    private static Column[] named(String col, String... cols) {
        Column[] all = new Column[cols.length + 1];
        all[0] = new Column(col);
        for (int i = 0; i < cols.length; i++) {
            all[i + 1] = new Column(cols[i]);
        }
        return all;
    }

    /** Aggregates without grouping ({@code df.agg(max("v"))}). */
    public Dataset<Row> agg(Column expr, Column... exprs) {
        return groupBy().agg(expr, exprs);
    }

    /** Aggregates without grouping, by column name to function name, as {@link RelationalGroupedDataset#agg(java.util.Map)}. */
    public Dataset<Row> agg(java.util.Map<String, String> exprs) {
        return groupBy().agg(exprs);
    }

    /**
     * Views this Dataset as objects of another type. As in Spark the columns stay as they are
     * ({@code columns()}, {@code select}, sinks other than {@code foreach} see them); typed
     * operations read the encoder's fields from them ({@link #typedPlan()}): a bean's properties by
     * name, a primitive from the only column, each value up-cast. What cannot be read fails here,
     * in Spark's words ({@link EncoderAlignment#check}).
     */
    public <U> Dataset<U> as(Encoder<U> target) {
        ObjectEncoder<U> to = ObjectEncoder.of(target);
        if (to instanceof TupleEncoder) {
            EncoderAlignment.alignByPosition(to.schema(), plan); // refuses a column count that does not line up
        } else if (!(to instanceof RowEncoder)) {
            EncoderAlignment.check(to.schema(), plan.schema(), to.runtimeClass());
        }
        return new Dataset<>(session, plan, target);
    }

    /** The rows this Dataset's encoder reads: its own for rows, else its columns shaped into the encoder's fields. */
    public LogicalPlan typedPlan() {
        if (encoder instanceof RowEncoder) {
            return plan;
        }
        return encoder instanceof TupleEncoder ? EncoderAlignment.alignByPosition(encoder.schema(), plan)
                : EncoderAlignment.alignTo(encoder.schema(), plan);
    }

    /** Writes this batch Dataset once (files: {@code json}, {@code csv}, {@code text}), as Spark's {@code write()}. */
    public DataFrameWriter<T> write() {
        if (isStreaming()) {
            throw io.tideway.engine.datasource.DataSourceErrors.callOnStreamingDataset("`write`");
        }
        return new DataFrameWriter<>(this);
    }

    /** Writes this batch Dataset to the catalog table {@code table}, as Spark's {@code writeTo}; see {@link DataFrameWriterV2}. */
    public DataFrameWriterV2<T> writeTo(String table) {
        if (isStreaming()) {
            throw io.tideway.engine.datasource.DataSourceErrors.callOnStreamingDataset("`writeTo`");
        }
        return new DataFrameWriterV2<>(this, table);
    }

    /** Merges this Dataset's rows into {@code table} where {@code condition} matches, as Spark's {@code mergeInto}; see {@link MergeIntoWriter}. */
    public MergeIntoWriter<T> mergeInto(String table, Column condition) {
        if (isStreaming()) {
            throw io.tideway.engine.datasource.DataSourceErrors.callOnStreamingDataset("`mergeInto`");
        }
        return new MergeIntoWriter<>(this, table, condition);
    }

    /**
     * A writer that starts a streaming query over this Dataset. A static Dataset fails with Spark's
     * {@code [WRITE_STREAM_NOT_ALLOWED]}.
     */
    public DataStreamWriter<T> writeStream() {
        if (!isStreaming()) {
            throw Unchecked.raise(new AnalysisException("WRITE_STREAM_NOT_ALLOWED", Map.of()));
        }
        return new DataStreamWriter<>(this);
    }

    /**
     * Registers this Dataset as the temporary view {@code name} (any case) of its session, for
     * {@code spark.table(name)} and {@code spark.sql(...)}; a view of that name is replaced.
     */
    public void createOrReplaceTempView(String name) {
        LogicalPlan p = plan;
        session.registerView(name, () -> p);
    }

    // ---- batch actions ----

    /**
     * How this session evaluates expressions ({@code spark.sql.ansi.enabled}, the time zone), read
     * when an action runs; {@code current_timestamp()} is the action's start, as in Spark.
     */
    EvalContext evalContext() {
        EvalContext ctx = EvalContext.forSettings(io.tideway.engine.conf.TidewayConf.reader(session.conf()));
        ctx.setBatchTimestampMs(System.currentTimeMillis());
        return ctx;
    }

    private void requireBatch() {
        if (isStreaming()) {
            throw UnsupportedOperationChecker.fail("Queries with streaming sources must be executed with writeStream.start()", plan);
        }
    }

    /**
     * Runs this static Dataset and returns all its objects, in the order it produces them. A
     * streaming Dataset fails with Spark's
     * {@code Queries with streaming sources must be executed with writeStream.start()}.
     */
    public List<T> collectAsList() {
        requireBatch();
        return BatchExecutor.collect(typedPlan(), encoder, evalContext());
    }

    /**
     * Runs this static Dataset and returns the number of its rows. A streaming Dataset fails as
     * {@link #collectAsList()} does (use {@code groupBy().count()} in a query instead).
     */
    public long count() {
        requireBatch();
        return BatchExecutor.collect(plan, new RowEncoder(plan.schema(), false), evalContext()).size();
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

    /** As {@link #first()}. */
    public T head() {
        return first();
    }

    /** The first {@code n} objects as an array, as {@link #take(int)}. */
    public Object head(int n) {
        return take(n);
    }

    /** Whether this static Dataset has no rows. */
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

    // ---- typed actions: reduce, arrays of objects, iterators, partitions, transform ----

    /** The objects folded by {@code func}; Spark's {@code SparkUnsupportedOperationException} ("empty collection") when there are none. */
    public T reduce(ReduceFunction<T> func) {
        Iterator<T> it = collectAsList().iterator();
        if (!it.hasNext()) {
            throw new io.tideway.SparkUnsupportedOperationException("_LEGACY_ERROR_TEMP_3014");
        }
        T acc = it.next();
        try {
            while (it.hasNext()) {
                acc = func.call(acc, it.next());
            }
        } catch (Exception e) {
            throw Unchecked.raise(e);
        }
        return acc;
    }

    /** Every object, as an array of the encoder's class ({@code Object} in Java, as Spark's {@code Array[T]}). */
    public Object collect() {
        return toArray(collectAsList());
    }

    /** The first {@code n} objects as an array (see {@link #collect()}). */
    public Object take(int n) {
        return toArray(takeAsList(n));
    }

    /** The last {@code n} objects as an array (see {@link #collect()}). */
    public Object tail(int n) {
        List<T> all = collectAsList();
        return toArray(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    private Object toArray(List<T> objects) {
        Object array = java.lang.reflect.Array.newInstance(ObjectEncoder.of(encoder).runtimeClass(), objects.size());
        for (int i = 0; i < objects.size(); i++) {
            java.lang.reflect.Array.set(array, i, objects.get(i));
        }
        return array;
    }

    /** The objects one by one (a static Dataset runs once, in process, so they are all computed first). */
    public Iterator<T> toLocalIterator() {
        return collectAsList().iterator();
    }

    /** Runs {@code func} once over all objects, in this thread: a static Dataset runs as one partition. */
    public void foreachPartition(ForeachPartitionFunction<T> func) {
        try {
            func.call(collectAsList().iterator());
        } catch (Exception e) {
            throw Unchecked.raise(e);
        }
    }

    /** {@code t} applied to this Dataset, for chaining custom transformations. */
    public <U> Dataset<U> transform(scala.Function1<Dataset<T>, Dataset<U>> t) {
        return t.apply(this);
    }

    /** Each column's name and type as Spark prints a type's {@code toString} ({@code StringType}). */
    @SuppressWarnings("unchecked")
    public Tuple2<String, String>[] dtypes() {
        StructField[] fields = schema().fields();
        Tuple2<String, String>[] out = new Tuple2[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = new Tuple2<>(fields[i].name(), fields[i].dataType().toString());
        }
        return out;
    }

    // ---- end of typed actions ----

    /**
     * Prints the first 20 rows as a table, values cut to 20 characters, as Spark's {@code show()}.
     * Static Datasets only; a stream shows its rows through the {@code console} sink.
     */
    public void show() {
        show(20, true);
    }

    /** Prints the first {@code numRows} rows as a table, values cut to 20 characters. */
    public void show(int numRows) {
        show(numRows, true);
    }

    /** Prints the first 20 rows as a table; {@code truncate = false} prints whole values. */
    public void show(boolean truncate) {
        show(20, truncate);
    }

    /**
     * Prints the first {@code numRows} rows as a table, in Spark's layout (a footer line tells how
     * many rows were left out); {@code truncate} cuts values to 20 characters.
     */
    public void show(int numRows, boolean truncate) {
        show(numRows, truncate ? 20 : 0);
    }

    /**
     * Prints the first {@code numRows} rows with cells longer than {@code truncate} characters cut
     * (and right-aligned, as Spark's); {@code truncate} 0 or less cuts nothing.
     */
    public void show(int numRows, int truncate) {
        requireBatch();
        List<Row> rows = BatchExecutor.collect(plan, new RowEncoder(plan.schema(), false), evalContext());
        System.out.println(ShowString.format(plan.schema(), rows, numRows, truncate));
    }

    /**
     * Basic statistics (count, mean, stddev, min, max) of the given numeric and string columns,
     * or of all of them when none is named; values are strings, as in Spark. Static Datasets only.
     */
    public Dataset<Row> describe(String... cols) {
        requireBatch();
        Dataset<Row> selected = cols.length == 0 ? toDF() : select(cols[0], Arrays.copyOfRange(cols, 1, cols.length));
        return io.tideway.engine.exec.SummaryStatistics.summarize(session, selected, io.tideway.engine.exec.SummaryStatistics.DESCRIBE);
    }

    /**
     * The named statistics ({@code count}, {@code count_distinct}, {@code approx_count_distinct},
     * {@code mean}, {@code stddev}, {@code min}, {@code max}, percentiles such as {@code 75%}) of
     * every numeric and string column; with none named, count, mean, stddev, min, 25%, 50%, 75%
     * and max. Static Datasets only.
     */
    public Dataset<Row> summary(String... statistics) {
        requireBatch();
        return io.tideway.engine.exec.SummaryStatistics.summarize(session, toDF(), statistics.length == 0
                ? io.tideway.engine.exec.SummaryStatistics.DEFAULT : Arrays.asList(statistics));
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
