package io.tideway.engine.plan;

import io.tideway.engine.expr.AttributeSource;
import io.tideway.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A node of an analysed logical plan: children resolved, output schema known. Built by
 * {@code Dataset} methods; executors turn it into physical operators. Immutable.
 */
public abstract class LogicalPlan implements Serializable, AttributeSource {
    private static final long serialVersionUID = 1L;

    public abstract List<LogicalPlan> children();

    /** A new node like this one over {@code children} (a leaf: a new node equal to this one). */
    public abstract LogicalPlan copy(List<LogicalPlan> children);

    /**
     * A copy of this tree made of new nodes only. Executors tell sources and operators apart by
     * identity, so a tree that appears twice in one plan (both branches of a union derived from
     * one stream) must be two trees: Spark scans the source once per branch.
     */
    public LogicalPlan freshCopy() {
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan c : children()) {
            kids.add(c.freshCopy());
        }
        return copy(kids);
    }

    /** Whether this tree and {@code other} hold a node in common (the same object). */
    public boolean sharesNodeWith(LogicalPlan other) {
        List<LogicalPlan> mine = new ArrayList<>();
        collect(mine);
        Set<LogicalPlan> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(mine);
        List<LogicalPlan> theirs = new ArrayList<>();
        other.collect(theirs);
        for (LogicalPlan p : theirs) {
            if (seen.contains(p)) {
                return true;
            }
        }
        return false;
    }

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
