package io.tideway.engine.query;

import io.tideway.sql.streaming.StreamingQueryListener;
import io.tideway.sql.streaming.StreamingQueryListener.Event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers query events to listeners on one daemon thread, in posting order, so a slow
 * listener never stalls a query thread. Any thread may post. The bus thread calls listeners for
 * every event but {@code QueryStartedEvent}, which {@link #postNow} delivers on the posting thread
 * (Spark's contract: {@code onQueryStarted} has run before {@code start()} returns).
 */
public final class ListenerBus {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);
    private final List<StreamingQueryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    public ListenerBus() {
        thread = new Thread(this::run, "tideway-listener-bus");
        thread.setDaemon(true);
        thread.start();
    }

    public void add(StreamingQueryListener l) {
        listeners.add(l);
    }

    public void remove(StreamingQueryListener l) {
        listeners.remove(l);
    }

    public List<StreamingQueryListener> listeners() {
        return List.copyOf(listeners);
    }

    public void post(Event e) {
        if (!listeners.isEmpty()) {
            queue.add(e);
        }
    }

    /**
     * Delivers {@code e} to every listener on the calling thread before returning; a listener's
     * exception is logged and the others still run, as on the bus thread.
     */
    public void postNow(Event e) {
        deliver(e);
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Event e;
            try {
                e = queue.take();
            } catch (InterruptedException ie) {
                return;
            }
            deliver(e);
        }
    }

    private void deliver(Event e) {
        for (StreamingQueryListener l : listeners) {
            try {
                dispatch(l, e);
            } catch (RuntimeException ex) {
                LOG.warn("Listener {} threw an exception", l, ex); // Spark logs it and goes on
            }
        }
    }

    private static void dispatch(StreamingQueryListener l, Event e) {
        if (e instanceof StreamingQueryListener.QueryStartedEvent s) {
            l.onQueryStarted(s);
        } else if (e instanceof StreamingQueryListener.QueryProgressEvent p) {
            l.onQueryProgress(p);
        } else if (e instanceof StreamingQueryListener.QueryIdleEvent i) {
            l.onQueryIdle(i);
        } else if (e instanceof StreamingQueryListener.QueryTerminatedEvent t) {
            l.onQueryTerminated(t);
        }
    }

    public void close() {
        thread.interrupt();
    }
}
