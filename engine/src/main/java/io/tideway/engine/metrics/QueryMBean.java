package io.tideway.engine.metrics;

import io.tideway.sql.streaming.SourceProgress;
import io.tideway.sql.streaming.StateOperatorProgress;
import io.tideway.sql.streaming.StreamingQuery;
import io.tideway.sql.streaming.StreamingQueryProgress;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * One query's {@link StreamingQueryMXBean}: reads the query's last progress and status, which
 * the query publishes for any thread, at each JMX read; it holds no state of its own. Registered
 * by {@link #register} as the query starts and removed by {@link #unregister} as it ends.
 *
 * <p>Threading: any JMX thread reads; register and unregister run on the thread that starts and
 * the one that ends the query.
 */
public final class QueryMBean implements StreamingQueryMXBean {
    private static final System.Logger LOG = System.getLogger(QueryMBean.class.getName());
    private final StreamingQuery query;
    private final ObjectName objectName;

    private QueryMBean(StreamingQuery query, ObjectName objectName) {
        this.query = query;
        this.objectName = objectName;
    }

    /** {@code io.tideway:type=StreamingQuery,name=<queryName or id>}, the name quoted as JMX needs. */
    public static ObjectName objectName(String queryName, String id) {
        try {
            return new ObjectName("io.tideway:type=StreamingQuery,name=" + ObjectName.quote(queryName != null ? queryName : id));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers {@code query}'s bean in the platform MBean server; a bean left under that name
     * (an earlier run of a query with the same name) is replaced. Returns it, for {@link #unregister}.
     */
    public static QueryMBean register(StreamingQuery query) {
        QueryMBean bean = new QueryMBean(query, objectName(query.name(), query.id().toString()));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            try {
                server.registerMBean(bean, bean.objectName);
            } catch (InstanceAlreadyExistsException e) {
                server.unregisterMBean(bean.objectName);
                server.registerMBean(bean, bean.objectName);
            }
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not register " + bean.objectName + " (metrics stay off for it)", e);
        }
        return bean;
    }

    /** Removes this bean, if it is still the one registered under its name. */
    public void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.unregisterMBean(objectName);
        } catch (InstanceNotFoundException e) {
            // never registered, or replaced by a later run of the same name, which unregisters itself
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not unregister " + objectName, e);
        }
    }

    public ObjectName objectName() {
        return objectName;
    }

    private StreamingQueryProgress last() {
        return query.lastProgress();
    }

    @Override
    public String getName() {
        return query.name() == null ? "" : query.name();
    }

    @Override
    public String getId() {
        return query.id().toString();
    }

    @Override
    public String getRunId() {
        return query.runId().toString();
    }

    @Override
    public boolean isActive() {
        return query.isActive();
    }

    @Override
    public String getStatus() {
        return query.status().message();
    }

    @Override
    public long getBatchId() {
        StreamingQueryProgress p = last();
        return p == null ? -1 : p.batchId();
    }

    @Override
    public long getNumInputRows() {
        StreamingQueryProgress p = last();
        return p == null ? 0 : p.numInputRows();
    }

    @Override
    public double getInputRowsPerSecond() {
        StreamingQueryProgress p = last();
        return p == null ? 0 : p.inputRowsPerSecond();
    }

    @Override
    public double getProcessedRowsPerSecond() {
        StreamingQueryProgress p = last();
        return p == null ? 0 : p.processedRowsPerSecond();
    }

    @Override
    public long getBatchDurationMs() {
        StreamingQueryProgress p = last();
        if (p == null) {
            return 0;
        }
        Long trigger = p.durationMs().get("triggerExecution");
        return trigger != null ? trigger : p.batchDuration();
    }

    @Override
    public String getWatermark() {
        StreamingQueryProgress p = last();
        String w = p == null ? null : p.eventTime().get("watermark");
        return w == null ? "" : w;
    }

    @Override
    public long getStateRowsTotal() {
        StreamingQueryProgress p = last();
        long rows = 0;
        for (StateOperatorProgress s : p == null ? new StateOperatorProgress[0] : p.stateOperators()) {
            rows += s.numRowsTotal();
        }
        return rows;
    }

    @Override
    public long getStateMemoryUsedBytes() {
        StreamingQueryProgress p = last();
        long bytes = 0;
        for (StateOperatorProgress s : p == null ? new StateOperatorProgress[0] : p.stateOperators()) {
            bytes += s.memoryUsedBytes();
        }
        return bytes;
    }

    @Override
    public Map<String, String> getSourceMetrics() {
        StreamingQueryProgress p = last();
        Map<String, String> out = new TreeMap<>();
        SourceProgress[] sources = p == null ? new SourceProgress[0] : p.sources();
        for (int i = 0; i < sources.length; i++) {
            for (Map.Entry<String, String> m : sources[i].metrics().entrySet()) {
                out.put(i + "." + m.getKey(), m.getValue());
            }
        }
        return out;
    }
}
