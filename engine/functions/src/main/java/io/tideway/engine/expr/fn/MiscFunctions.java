package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.sql.types.DataTypes;

/**
 * Spark's functions of where a row comes from: {@code spark_partition_id()},
 * {@code monotonically_increasing_id()} and {@code input_file_name()}. The partition id is the
 * index of the input partition the task evaluates ({@link io.tideway.engine.expr.EvalContext#partitionIndex}:
 * a range's slice, a source's partition, a shuffle's partition above it), and the ids are Spark's
 * {@code partitionId << 33} plus the row's number in the task: counted from each task's start, as
 * Spark counts. Both are constants of the task's generated code, so a row allocates nothing. The
 * file name is the one the file source is reading on this thread ({@link InputFileName}); empty for
 * other sources, as Spark. Also the session's {@code current_database}/{@code current_schema},
 * {@code current_catalog}, {@code current_user}/{@code user}/{@code session_user} and {@code version}:
 * string constants.
 */
final class MiscFunctions {
    private MiscFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("spark_partition_id").returns(DataTypes.IntegerType)
                .nullable(call -> false).sql(call -> "SPARK_PARTITION_ID()")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.IntegerType);
                    // a field, not a literal: one compiled class serves every partition's task
                    String partition = ctx.constant(new long[] {ctx.evalContext().partitionIndex()}, "long[]");
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, partition + "[0]");
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("monotonically_increasing_id").returns(DataTypes.LongType)
                .nullable(call -> false).sql(call -> "monotonically_increasing_id()")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.LongType);
                    // the next id of this task: Spark's partition index in the upper 31 bits, then the row count
                    String count = ctx.constant(new long[] {(long) ctx.evalContext().partitionIndex() << 33}, "long[]");
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, count + "[0]++");
                    return v;
                }));
        // the session's catalog, schema and user: constants, as Spark's optimizer folds them
        // Spark names both current_schema() in the column (Column.toString keeps the name called)
        session(FunctionSpec.named("current_database", "current_schema").sql(call -> "current_schema()"), "default");
        session(FunctionSpec.named("current_catalog"), "spark_catalog");
        session(FunctionSpec.named("current_user", "user", "session_user"), currentUser());
        session(FunctionSpec.named("version"), io.tideway.engine.SparkRelease.VERSION + " " + io.tideway.engine.SparkRelease.REVISION);
        FunctionRegistry.add(FunctionSpec.named("input_file_name").returns(DataTypes.StringType)
                .nullable(call -> false).sql(call -> "input_file_name()")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    String out = ctx.scratch();
                    ctx.set(v, InputFileName.class.getName() + ".write(" + out + ")", out);
                    return v;
                }));
    }

    private static void session(FunctionSpec spec, String value) {
        FunctionRegistry.add(spec.returns(DataTypes.StringType).nullable(call -> false)
                .customCode((ctx, call) -> DateTimeFunctions.stringConstant(ctx, value)));
    }

    /** Spark's {@code Utils.getCurrentUserName}: SPARK_USER if set, else the JVM's user. */
    private static String currentUser() {
        String user = System.getenv("SPARK_USER");
        return user != null ? user : System.getProperty("user.name");
    }
}
