package io.tideway.sql.catalyst.analysis;

import io.tideway.engine.error.ErrorParams;
import io.tideway.sql.AnalysisException;

import java.util.Map;

/**
 * A temporary view that cannot be created because one of its name exists
 * ({@code [TEMP_TABLE_OR_VIEW_ALREADY_EXISTS]}), mirroring Spark's
 * {@code org.apache.spark.sql.catalyst.analysis.TempTableAlreadyExistsException}. Immutable.
 */
public class TempTableAlreadyExistsException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    /** The view {@code name} exists (named as the user wrote it, unqualified as in Spark's message). */
    public TempTableAlreadyExistsException(String name) {
        super("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", Map.of("relationName", ErrorParams.id(name)));
    }
}
