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
    private final String simpleMessage;

    public ExtendedAnalysisException(String condition, Map<String, String> messageParameters, LogicalPlan plan) {
        this(ErrorConditions.message(condition, messageParameters), null, condition, messageParameters, null, plan);
    }

    /** Spark's {@code new ExtendedAnalysisException(e, plan)}: {@code e} with the plan it was raised for. */
    public ExtendedAnalysisException(AnalysisException e, LogicalPlan plan) {
        this(e.getSimpleMessage(), e.getCause(), e.getCondition(), e.getMessageParameters(), e.origin(), plan);
        setStackTrace(e.getStackTrace());
    }

    private ExtendedAnalysisException(String simpleMessage, Throwable cause, String condition,
            Map<String, String> messageParameters, io.tideway.engine.expr.Origin origin, LogicalPlan plan) {
        super(simpleMessage + ";\n" + plan.treeString(), cause, condition, messageParameters, origin);
        this.simpleMessage = simpleMessage;
    }

    @Override
    public String getSimpleMessage() {
        return simpleMessage;
    }
}
