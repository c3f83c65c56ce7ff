package conformance;

import io.tideway.sql.ForeachWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code ForeachWriter} that records what it was given under a name, for a case to print
 * afterwards. Engines serialize a writer per partition and epoch, so the records live in a static
 * map keyed by the name, not in the writer. Each row is recorded as its canonical text in
 * {@code process}, which is also how a user must treat a reused row (valid during the call only).
 */
public final class CollectingWriter<T> extends ForeachWriter<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, List<String>> ROWS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> CLOSES = new ConcurrentHashMap<>();

    private final String name;

    /** A writer that records under {@code name}; the name should be unique to the case. */
    public CollectingWriter(String name) {
        this.name = name;
        ROWS.put(name, new ArrayList<>());
        CLOSES.put(name, new ArrayList<>());
    }

    @Override
    public boolean open(long partitionId, long epochId) {
        return true;
    }

    @Override
    public void process(T value) {
        String text = Canonical.value(value);
        List<String> rows = ROWS.get(name);
        synchronized (rows) {
            rows.add(text);
        }
    }

    @Override
    public void close(Throwable errorOrNull) {
        if (errorOrNull != null) {
            List<String> closes = CLOSES.get(name);
            synchronized (closes) {
                closes.add(Canonical.error(errorOrNull));
            }
        }
    }

    /** Prints every row any copy of this writer processed, sorted, then the errors close() received. */
    public void printTo(CaseContext ctx) {
        List<String> rows;
        synchronized (ROWS.get(name)) {
            rows = new ArrayList<>(ROWS.get(name));
        }
        rows.sort(null);
        rows.forEach(ctx::println);
        List<String> closes;
        synchronized (CLOSES.get(name)) {
            closes = new ArrayList<>(CLOSES.get(name));
        }
        closes.sort(null);
        closes.forEach(e -> ctx.println("close: " + e));
    }
}
