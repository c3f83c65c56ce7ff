package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.sql.types.DataTypes;

/**
 * Spark's functions of where a row comes from: {@code spark_partition_id()},
 * {@code monotonically_increasing_id()} and {@code input_file_name()}. A Tideway task reads a
 * batch's input as one partition (Spark packs small files into one split too), so the partition id
 * is 0 and the ids are Spark's {@code partitionId << 33} plus the row's number in the task: 0, 1,
 * 2, ... counted from each batch's start, as Spark counts per task. The file name is the one the
 * file source is reading on this thread ({@link InputFileName}); empty for other sources, as Spark.
 */
final class MiscFunctions {
    private MiscFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("spark_partition_id").returns(DataTypes.IntegerType)
                .nullable(call -> false).sql(call -> "SPARK_PARTITION_ID()")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.IntegerType);
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, "0L");
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("monotonically_increasing_id").returns(DataTypes.LongType)
                .nullable(call -> false).sql(call -> "monotonically_increasing_id()")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.LongType);
                    // the row count of this generated class's task: one counter per compiled chain
                    String count = ctx.constant(new long[1], "long[]");
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, count + "[0]++");
                    return v;
                }));
        FunctionRegistry.add(FunctionSpec.named("input_file_name").returns(DataTypes.StringType)
                .nullable(call -> false).sql(call -> "input_file_name()")
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    String out = ctx.scratch();
                    ctx.set(v, InputFileName.class.getName() + ".write(" + out + ")", out);
                    return v;
                }));
    }
}
