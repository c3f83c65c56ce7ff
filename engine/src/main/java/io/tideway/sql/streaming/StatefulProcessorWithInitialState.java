package io.tideway.sql.streaming;

/**
 * A {@link StatefulProcessor} that also receives the initial state given to
 * {@code transformWithState}: {@link #handleInitialState} runs once per key of the initial state,
 * in the first batch, before any input, as Spark's {@code StatefulProcessorWithInitialState}.
 *
 * @param <S> the initial state's objects
 */
public abstract class StatefulProcessorWithInitialState<K, I, O, S> extends StatefulProcessor<K, I, O> {
    private static final long serialVersionUID = 1L;

    public abstract void handleInitialState(K key, S initialState, TimerValues timerValues);
}
