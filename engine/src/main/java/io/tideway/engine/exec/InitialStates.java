package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.plan.InitialGroupState;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@link InitialGroupState}: its static plan run to the end, each object as a
 * (key, state) pair, in the plan's order. Runs on the calling thread. Stateless.
 */
public final class InitialStates {
    private InitialStates() {
    }

    /** One key and the initial state given for it. */
    public record Entry(Object key, Object state) {
    }

    /** Spark's {@code FlatMapGroupsWithStateExec.foundDuplicateInitialKeyException}. */
    public static IllegalArgumentException duplicateKey() {
        return new IllegalArgumentException("The initial state provided contained multiple rows(state) with the same key. "
                + "Make sure to de-duplicate the initial state before passing it.");
    }

    /**
     * The entries of {@code initial}, computed in a context of their own (a static run sets its
     * context's batch timestamp, which must not move the streaming batch's).
     */
    public static List<Entry> read(InitialGroupState initial, EvalContext queryContext) {
        EvalContext own = new EvalContext(queryContext.ansi(), queryContext.timeZone());
        List<?> objects = BatchExecutor.collect(initial.plan(), initial.inputEncoder(), own);
        List<Entry> out = new ArrayList<>(objects.size());
        for (Object o : objects) {
            Object key = UserFunctionException.call(() -> initial.keyFunction().call(o));
            Object state = initial.valueFunction() == null ? o : UserFunctionException.call(() -> initial.valueFunction().call(o));
            out.add(new Entry(key, state));
        }
        return out;
    }
}
