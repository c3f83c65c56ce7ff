package io.tideway.continuous;

import io.tideway.SparkUnsupportedOperationException;
import io.tideway.engine.expr.CurrentTimestamp;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.plan.Filter;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.Project;
import io.tideway.engine.plan.StreamingRelation;
import io.tideway.engine.plan.TypedOperator;
import io.tideway.engine.plan.UnsupportedOperationChecker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spark's {@code checkForContinuous}: only map-like operators (projections, filters, typed
 * map/flatMap/filter/mapPartitions) over one source that can be read continuously, and no
 * current-time expressions. Fails at {@code start()} with Spark's words.
 */
final class ContinuousSupportChecker {
    private ContinuousSupportChecker() {
    }

    static StreamingRelation check(LogicalPlan plan) {
        List<LogicalPlan> nodes = new ArrayList<>();
        collectPostOrder(plan, nodes);
        List<StreamingRelation> sources = new ArrayList<>();
        for (LogicalPlan n : nodes) {
            if (n instanceof StreamingRelation r) {
                if (r.provider().sparkV1Relation()) {
                    // Spark lets only StreamingRelationV2 through, so a V1 source fails by its node name
                    throw UnsupportedOperationChecker.fail("Continuous processing does not support " + n.nodeName()
                            + " operations.", plan);
                }
                sources.add(r);
            } else if (n instanceof Project p) {
                p.projectList().forEach(e -> checkExpression(e, plan));
            } else if (n instanceof Filter f) {
                checkExpression(f.condition(), plan);
            } else if (n instanceof io.tideway.engine.plan.TransformWithState) {
                // Spark's groupByKey puts an AppendColumns node below it, which its check meets first
                throw UnsupportedOperationChecker.fail("Continuous processing does not support AppendColumns operations.", plan);
            } else if (!(n instanceof TypedOperator)) {
                throw UnsupportedOperationChecker.fail("Continuous processing does not support " + n.nodeName() + " operations.", plan);
            }
        }
        if (sources.size() != 1) {
            throw UnsupportedOperationChecker.fail("Continuous processing does not support multiple sources: a query reads exactly one.", plan);
        }
        StreamingRelation source = sources.get(0);
        if (!source.provider().supportsContinuous()) {
            throw new SparkUnsupportedOperationException("_LEGACY_ERROR_TEMP_2253", Map.of("sourceName", source.format()));
        }
        return source;
    }

    /** Children before their parent, left to right, as Spark's {@code foreachUp}: the first failing node wins. */
    private static void collectPostOrder(LogicalPlan node, List<LogicalPlan> out) {
        for (LogicalPlan c : node.children()) {
            collectPostOrder(c, out);
        }
        out.add(node);
    }

    private static void checkExpression(Expression e, LogicalPlan plan) {
        if (e.exists(x -> x instanceof CurrentTimestamp)) {
            throw UnsupportedOperationChecker.fail("Continuous processing does not support current time operations.", plan);
        }
    }
}
