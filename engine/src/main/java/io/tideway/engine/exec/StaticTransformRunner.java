package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.TransformWithState;
import io.tideway.sql.Row;

import java.util.List;

/**
 * Runs a {@code transformWithState} over a static Dataset. Its processor works on the state
 * store of the micro-batch engine, which provides the implementation (found with
 * {@link java.util.ServiceLoader}, as the query executors are).
 */
public interface StaticTransformRunner {
    /** The rows {@code node} outputs over its static child. */
    List<Row> run(TransformWithState node, EvalContext ctx);
}
