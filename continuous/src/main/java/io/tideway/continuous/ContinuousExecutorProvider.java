package io.tideway.continuous;

import io.tideway.agent.AgentThreads;
import io.tideway.engine.conf.TidewayConf;
import io.tideway.engine.query.QueryExecutorProvider;
import io.tideway.engine.query.QuerySpec;
import io.tideway.engine.query.StreamExecution;
import io.tideway.sql.streaming.ContinuousTrigger;
import io.tideway.sql.RuntimeConfig;
import io.tideway.sql.streaming.Trigger;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ThreadFactory;

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
        TidewayConf.THREAD_FACTORY.get(spec.session().conf());
    }

    @Override
    public StreamExecution create(QuerySpec spec) {
        return new ContinuousExecution(spec, threads(spec.session().conf()));
    }

    /** The user's {@code tideway.continuous.threadFactory}, one instance per query, or daemon threads. */
    static AgentThreads threads(RuntimeConfig conf) {
        Class<? extends ThreadFactory> type = TidewayConf.THREAD_FACTORY.get(conf);
        if (type == null) {
            return AgentThreads.DAEMON;
        }
        try {
            return new AgentThreads(type.getConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(TidewayConf.THREAD_FACTORY.key() + ": the constructor of " + type.getName()
                    + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(TidewayConf.THREAD_FACTORY.key() + ": cannot create " + type.getName()
                    + ": " + e, e);
        }
    }
}
