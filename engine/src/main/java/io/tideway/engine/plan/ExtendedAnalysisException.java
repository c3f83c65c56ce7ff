package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorConditions;
import io.tideway.sql.AnalysisException;

import java.util.Map;

/**
 * An {@link AnalysisException} raised while checking a plan, whose message ends with that plan's
 * tree after {@code ;\n}, as Spark's {@code org.apache.spark.sql.catalyst.ExtendedAnalysisException}
 * prints it. Immutable.
 */
public final class ExtendedAnalysisException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    public ExtendedAnalysisException(String condition, Map<String, String> messageParameters, LogicalPlan plan) {
        super(ErrorConditions.message(condition, messageParameters) + ";\n" + plan.treeString(), null, condition,
                messageParameters);
    }
}
