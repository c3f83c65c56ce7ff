package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static io.tideway.engine.expr.fn.InputType.ANY;

/**
 * The value of a file source's hidden {@code _metadata} column (Spark's
 * {@code FileSourceConstantMetadataStructField}s): the struct {@code file_path}, {@code file_name},
 * {@code file_size}, {@code file_block_start}, {@code file_block_length},
 * {@code file_modification_time} (and for Parquet {@code row_index}) of the file the source is reading on this thread
 * ({@link InputFileName}, the same path as {@code input_file_name()}, whose URI is
 * {@code file:///dir/f} where {@code file_path} is Hadoop's {@code file:/dir/f}). The resolver builds it with
 * {@link #METADATA} where a file relation's {@code _metadata} is named; it prints as the name
 * it is given ({@code _metadata}, or {@code __metadata} where a data column takes that name), as
 * Spark's attribute does. Registered once, immutable after.
 */
final class FileMetadataFunctions {
    /** The internal name the resolver calls for the {@code _metadata} struct. */
    static final String METADATA = "__file_metadata";
    /** The struct's spec, its fields as arguments. */
    private static final String STRUCT = "__file_metadata_struct";
    private static final StructType TYPE = new StructType()
            .add("file_path", DataTypes.StringType, false)
            .add("file_name", DataTypes.StringType, false)
            .add("file_size", DataTypes.LongType, false)
            .add("file_block_start", DataTypes.LongType, false)
            .add("file_block_length", DataTypes.LongType, false)
            .add("file_modification_time", DataTypes.TimestampType, false);
    /** Parquet's: the fields, then the row's index in its file. */
    private static final StructType PARQUET_TYPE = TYPE.add("row_index", DataTypes.LongType, false);

    private FileMetadataFunctions() {
    }

    static void register() {
        fileString("__file_path", "file_path", "writePath");
        fileString("__file_name", "file_name", "writeName");
        fileLong("__file_size", "file_size", DataTypes.LongType, "size");
        fileLong("__file_modification_time", "file_modification_time", DataTypes.TimestampType, "modificationMicros");
        fileLong("__file_row_index", "row_index", DataTypes.LongType, "rowIndex");
        FunctionRegistry.add(FunctionSpec.named(STRUCT).repeated(ANY)
                .returnsFromArgs(args -> args.size() > TYPE.length() + 1 ? PARQUET_TYPE : TYPE)
                .nullable(call -> false)
                .sql(call -> String.valueOf(((Literal) call.children().get(0)).value()))
                .customCode((ctx, call) -> {
                    List<Expression> args = call.children(); // the column's name, then the fields
                    CodeValue[] values = new CodeValue[args.size() - 1];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = ctx.gen(args.get(i + 1));
                    }
                    CodeValue v = ctx.declare(call.dataType());
                    String out = CollectionCode.out(ctx);
                    String w = ctx.fresh("w");
                    ctx.line("io.tideway.offheap.row.RowWriter " + w + " = " + out + ".struct(" + values.length + ");");
                    for (int i = 0; i < values.length; i++) {
                        StructValues.put(ctx, w, i, values[i]);
                    }
                    ctx.line(v.isNull() + " = false; " + v.value() + " = " + out + ".buffer(); " + v.offset() + " = 0; "
                            + v.length() + " = " + w + ".finish();");
                    return v;
                }));
        // __file_metadata('_metadata'[, true]): the struct printed under the name the resolver gives
        // it, with Parquet's row_index when the second argument is true
        FunctionRegistry.add(METADATA, 1, 2, (name, args) -> {
            List<Expression> fields = new ArrayList<>(List.of(args.get(0), FunctionRegistry.call("__file_path"),
                    FunctionRegistry.call("__file_name"), FunctionRegistry.call("__file_size"),
                    FunctionRegistry.call("input_file_block_start"), FunctionRegistry.call("input_file_block_length"),
                    FunctionRegistry.call("__file_modification_time")));
            if (args.size() > 1 && Boolean.TRUE.equals(((Literal) args.get(1)).value())) {
                fields.add(FunctionRegistry.call("__file_row_index"));
            }
            return new ScalarFunction(FunctionRegistry.spec(STRUCT), STRUCT, fields);
        });
    }

    /** A field read from the thread's current file as a string (empty without one). */
    private static void fileString(String name, String sql, String method) {
        FunctionRegistry.add(FunctionSpec.named(name).returns(DataTypes.StringType).nullable(call -> false)
                .sql(call -> sql)
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(DataTypes.StringType);
                    String out = ctx.scratch();
                    ctx.set(v, InputFileName.class.getName() + "." + method + "(" + out + ")", out);
                    return v;
                }));
    }

    /** A field read from the thread's current file as a long ({@code -1} without one, as the block fields). */
    private static void fileLong(String name, String sql, DataType type, String method) {
        FunctionRegistry.add(FunctionSpec.named(name).returns(type).nullable(call -> false)
                .sql(call -> sql)
                .customCode((ctx, call) -> {
                    CodeValue v = ctx.declare(type);
                    ctx.line(v.isNull() + " = false;");
                    ctx.set(v, InputFileName.class.getName() + "." + method + "()");
                    return v;
                }));
    }
}
