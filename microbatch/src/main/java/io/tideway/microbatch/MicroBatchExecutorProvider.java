package io.tideway.microbatch;

import io.tideway.engine.query.QueryExecutorProvider;
import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.sql.streaming.AvailableNowTrigger;
import io.tideway.sql.streaming.OneTimeTrigger;
import io.tideway.sql.streaming.ProcessingTimeTrigger;
import io.tideway.sql.streaming.Trigger;

/** The micro-batch executor: default, {@code ProcessingTime}, {@code Once} and {@code AvailableNow} triggers. */
public final class MicroBatchExecutorProvider implements QueryExecutorProvider {
    @Override
    public boolean supports(Trigger trigger) {
        return trigger instanceof ProcessingTimeTrigger || trigger instanceof OneTimeTrigger
                || trigger instanceof AvailableNowTrigger;
    }

    @Override
    public StreamExecution create(QuerySpec spec) {
        return new MicroBatchExecution(spec);
    }
}
