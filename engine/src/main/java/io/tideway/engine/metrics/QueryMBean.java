package io.tideway.engine.metrics;

import io.tideway.sql.streaming.StreamingQuery;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query's {@link QueryMetrics} registered in the platform MBean server as
 * {@code io.tideway:type=StreamingQuery,name=<queryName or id>}: by {@link #register} as the
 * query starts, removed by {@link #unregister} as it ends.
 *
 * <p>Threading: register and unregister run on the thread that starts and the one that ends the
 * query; JMX threads read the bean.
 */
public final class QueryMBean {
    private static final Logger LOG = LoggerFactory.getLogger(QueryMBean.class);
    private final ObjectName objectName;

    private QueryMBean(ObjectName objectName) {
        this.objectName = objectName;
    }

    /** {@code io.tideway:type=StreamingQuery,name=<label>}, the label quoted as JMX needs. */
    public static ObjectName objectName(String label) {
        try {
            return new ObjectName("io.tideway:type=StreamingQuery,name=" + ObjectName.quote(label));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers {@code query}'s metrics; a bean left under that name (an earlier run of a query
     * with the same name) is replaced. A failure is logged: metrics stay off for the query.
     */
    public static QueryMBean register(StreamingQuery query) {
        QueryMetrics metrics = new QueryMetrics(query);
        QueryMBean bean = new QueryMBean(objectName(metrics.label()));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            try {
                server.registerMBean(metrics, bean.objectName);
            } catch (InstanceAlreadyExistsException e) {
                server.unregisterMBean(bean.objectName);
                server.registerMBean(metrics, bean.objectName);
            }
        } catch (JMException e) {
            LOG.warn("Could not register {} (metrics stay off for it)", bean.objectName, e);
        }
        return bean;
    }

    /** Removes the bean, if it is still the one registered under its name. */
    public void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName);
        } catch (InstanceNotFoundException e) {
            // never registered, or replaced by a later run of the same name, which unregisters itself
        } catch (JMException e) {
            LOG.warn("Could not unregister {}", objectName, e);
        }
    }

    public ObjectName objectName() {
        return objectName;
    }
}
