package io.tideway.engine.plan;

import io.tideway.sql.types.StructType;

import java.io.Serializable;
import java.util.List;

/**
 * A node of an analysed logical plan: children resolved, output schema known. Built by
 * {@code Dataset} methods; executors turn it into physical operators. Immutable.
 */
public abstract class LogicalPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract List<LogicalPlan> children();

    public abstract StructType schema();

    /** Spark's node name, used in error messages ({@code Aggregate}, {@code Generate}, ...). */
    public abstract String nodeName();

    /** Arguments shown after the node name in {@code explain()}. */
    protected abstract String argString();

    public boolean isStreaming() {
        for (LogicalPlan c : children()) {
            if (c.isStreaming()) {
                return true;
            }
        }
        return false;
    }

    /** Collects the nodes of this tree, pre-order. */
    public void collect(List<LogicalPlan> out) {
        out.add(this);
        for (LogicalPlan c : children()) {
            c.collect(out);
        }
    }

    /** Spark-style tree: {@code Project [...]} then {@code +- Child} lines. */
    public String treeString() {
        StringBuilder sb = new StringBuilder();
        appendTree(sb, "", "");
        return sb.toString();
    }

    private void appendTree(StringBuilder sb, String firstPrefix, String restPrefix) {
        sb.append(firstPrefix).append(nodeName());
        String args = argString();
        if (!args.isEmpty()) {
            sb.append(' ').append(args);
        }
        sb.append('\n');
        List<LogicalPlan> kids = children();
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            kids.get(i).appendTree(sb, restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "));
        }
    }

    @Override
    public String toString() {
        return treeString();
    }
}
