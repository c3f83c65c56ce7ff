package io.tideway.engine.expr.fn;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.agg.CountMinSketchAggregate;
import io.tideway.sql.AnalysisException;

import java.util.Map;

/**
 * The statistics sketch aggregates behind Spark's {@code df.stat()}: {@code count_min_sketch}
 * ({@link CountMinSketchAggregate}, a {@code io.tideway.util.sketch.CountMinSketch} in Spark's
 * bytes). Spark declares its parameters by name ({@code column, epsilon, confidence, seed}), so a
 * short call names the first one missing.
 */
public final class StatSketchFunctions {
    private static final String[] PARAMETERS = {"column", "epsilon", "confidence", "seed"};

    private StatSketchFunctions() {
    }

    static void register() {
        FunctionRegistry.add("count_min_sketch", 0, -1, (n, a) -> {
            if (a.size() < PARAMETERS.length) {
                throw Unchecked.raise(new AnalysisException("REQUIRED_PARAMETER_NOT_FOUND", Map.of("routineName",
                        ErrorParams.id("count_min_sketch"), "parameterName", ErrorParams.id(PARAMETERS[a.size()]),
                        "index", "0"), CurrentOrigin.get()));
            }
            if (a.size() > PARAMETERS.length) {
                throw FunctionRegistry.wrongArgCount("count_min_sketch", "4", a.size());
            }
            return new CountMinSketchAggregate(a.get(0), a.get(1), a.get(2), a.get(3));
        });
    }
}
