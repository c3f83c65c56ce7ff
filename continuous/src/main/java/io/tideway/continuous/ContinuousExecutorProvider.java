package io.tideway.continuous;

import io.tideway.agent.AgentThreads;
import io.tideway.engine.query.QueryExecutorProvider;
import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.sql.streaming.ContinuousTrigger;
import io.tideway.sql.streaming.Trigger;

/** The continuous executor, found by the engine through the executor SPI for {@code Trigger.Continuous}. */
public final class ContinuousExecutorProvider implements QueryExecutorProvider {
    @Override
    public boolean supports(Trigger trigger) {
        return trigger instanceof ContinuousTrigger;
    }

    @Override
    public void validate(QuerySpec spec) {
        ContinuousSupportChecker.check(spec.plan());
        ContinuousSettings.from(spec.session().conf());
    }

    @Override
    public StreamExecution create(QuerySpec spec) {
        // daemon threads until the session lets a user supply a ThreadFactory
        return new ContinuousExecution(spec, AgentThreads.DAEMON);
    }
}
