package io.tideway.engine.datasource;

import io.tideway.SparkIllegalArgumentException;
import io.tideway.engine.error.ErrorConditions;
import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.StructType;

import java.util.Map;

/**
 * The errors batch reads and writes raise, in Spark 4.0.4's words. Some of their conditions are
 * not yet in Tideway's copy of Spark's {@code error-conditions.json}: until they are, the
 * exception carries Spark's exact message (template copied here from Spark) without a condition;
 * once the condition is there it is raised with it, unchanged for the user. Stateless.
 */
public final class DataSourceErrors {
    /** Spark 4.0.4's templates of the conditions Tideway's copy may lack, and their SQLSTATEs. */
    private static final Map<String, String[]> PENDING = Map.of(
            "CALL_ON_STREAMING_DATASET_UNSUPPORTED", new String[]{
                    "The method <methodName> can not be called on streaming Dataset/DataFrame.", "42KDE"},
            "PATH_ALREADY_EXISTS", new String[]{
                    "Path <outputPath> already exists. Set mode as \"overwrite\" to overwrite the existing path.", "42K04"},
            "INVALID_SAVE_MODE", new String[]{"The specified save mode <mode> is invalid. Valid save modes include"
                    + " \"append\", \"overwrite\", \"ignore\", \"error\", \"errorifexists\", and \"default\".", "42000"},
            "UNABLE_TO_INFER_SCHEMA", new String[]{"Unable to infer schema for <format>. It must be specified manually.",
                    "42KD9"},
            "ALL_PARTITION_COLUMNS_NOT_ALLOWED", new String[]{"Cannot use all columns for partition columns.", "KD005"},
            "_LEGACY_ERROR_TEMP_1135", new String[]{"<className> is not a valid Spark SQL Data Source.", null},
            "_LEGACY_ERROR_TEMP_1155", new String[]{"Partition column `<col>` not found in schema <schemaCatalog>.", null},
            "_LEGACY_ERROR_TEMP_1189", new String[]{"User specified schema not supported with `<operation>`.", null},
            "_LEGACY_ERROR_TEMP_2050", new String[]{"Expected exactly one path to be specified, but got: <paths>.", null});

    private DataSourceErrors() {
    }

    /** {@code [PATH_ALREADY_EXISTS]}: an output path that exists under save mode {@code errorifexists}. */
    public static RuntimeException pathAlreadyExists(String qualifiedPath) {
        return analysis("PATH_ALREADY_EXISTS", Map.of("outputPath", qualifiedPath));
    }

    /** {@code [INVALID_SAVE_MODE]}: {@code mode} is quoted, as Spark's {@code toSQLValue}. */
    public static RuntimeException invalidSaveMode(String mode) {
        return analysis("INVALID_SAVE_MODE", Map.of("mode", "\"" + mode + "\""));
    }

    /** {@code [UNABLE_TO_INFER_SCHEMA]}: no file to infer a schema from ({@code format} as Spark names it: JSON, CSV). */
    public static RuntimeException unableToInferSchema(String format) {
        return analysis("UNABLE_TO_INFER_SCHEMA", Map.of("format", format));
    }

    public static RuntimeException allPartitionColumns() {
        return analysis("ALL_PARTITION_COLUMNS_NOT_ALLOWED", Map.of());
    }

    public static RuntimeException partitionColumnNotFound(String column, StructType schema) {
        return analysis("_LEGACY_ERROR_TEMP_1155", Map.of("col", column, "schemaCatalog", schema.simpleString()));
    }

    /** A call that takes no schema ({@code textFile}) after {@code schema(...)}. */
    public static RuntimeException userSchemaUnsupported(String operation) {
        return analysis("_LEGACY_ERROR_TEMP_1189", Map.of("operation", operation));
    }

    /** {@code write()} on a streaming Dataset. */
    public static RuntimeException callOnStreamingDataset(String method) {
        return analysis("CALL_ON_STREAMING_DATASET_UNSUPPORTED", Map.of("methodName", method));
    }

    /** A format that only streams, read or written as a batch. */
    public static RuntimeException notABatchSource(String format) {
        return analysis("_LEGACY_ERROR_TEMP_1135", Map.of("className", format));
    }

    /** {@code save()} or {@code load()} of a path-based format without a path. */
    public static RuntimeException expectedOnePath(String paths) {
        Map<String, String> params = Map.of("paths", paths);
        if (known("_LEGACY_ERROR_TEMP_2050", params)) {
            return new SparkIllegalArgumentException("_LEGACY_ERROR_TEMP_2050", params);
        }
        return new IllegalArgumentException(text("_LEGACY_ERROR_TEMP_2050", params));
    }

    private static RuntimeException analysis(String condition, Map<String, String> params) {
        AnalysisException e = known(condition, params) ? new AnalysisException(condition, params)
                : new AnalysisException(text(condition, params));
        return Unchecked.raise(e);
    }

    private static boolean known(String condition, Map<String, String> params) {
        try {
            ErrorConditions.message(condition, params);
            return true;
        } catch (Exception missing) {
            return false;
        }
    }

    /** Spark's message for a condition Tideway's copy lacks: {@code [C] text SQLSTATE: s}. */
    private static String text(String condition, Map<String, String> params) {
        String[] t = PENDING.get(condition);
        String text = t[0];
        for (Map.Entry<String, String> p : params.entrySet()) {
            text = text.replace("<" + p.getKey() + ">", p.getValue());
        }
        return (condition.startsWith("_LEGACY_ERROR_") ? "" : "[" + condition + "] ") + text
                + (t[1] == null ? "" : " SQLSTATE: " + t[1]);
    }
}
