package io.tideway.engine.exec;

import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.plan.Join;
import io.tideway.engine.plan.JoinType;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.StructType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.IntHashSet;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hash join of each probe row (the streaming side, or the left side of a static join) against
 * the build side, which is evaluated as a batch when the operator is made (each task, each
 * batch: a static side is re-read per batch, as in Spark) and kept on-heap, indexed by key.
 * Rows whose key has a null never match. Emits joined rows (left columns, then right), the probe
 * row alone (semi, anti), or the probe row padded with nulls (the preserved side of an outer join);
 * a full outer join (static sides only, where one task reads the whole probe side) also emits,
 * when the probe side ends, each build row that matched nothing, padded with nulls.
 */
final class JoinOperator implements Operator {
    private final JoinType type;
    private final boolean probeIsLeft;
    private final int leftWidth;
    private final int rightWidth;
    private final KeyBuilder probeKey;
    private final RowReader probe;
    private final RowReader build;
    private final RowReader keyRow;
    private final ExpandableArrayBuffer buildRows = new ExpandableArrayBuffer(4096);
    private final Map<ByteBuffer, IntArrayList> index = new HashMap<>();
    private final IntArrayList allBuildRows = new IntArrayList();
    /** Full outer joins: where in {@link #buildRows} the build rows that matched a probe row start; else null. */
    private final IntHashSet matchedBuildRows;
    private final Evaluator residual;
    private final RowReader joinedReader;
    private final JoinedRowWriter joined;
    private final Operator next;

    JoinOperator(Join join, boolean probeIsLeft, EvalContext ctx, Operator next) {
        this.type = join.joinType();
        this.probeIsLeft = probeIsLeft;
        StructType left = join.left().schema();
        StructType right = join.right().schema();
        this.leftWidth = left.length();
        this.rightWidth = right.length();
        List<io.tideway.engine.expr.Expression> probeKeys = probeIsLeft ? join.leftKeys() : join.rightKeys();
        List<io.tideway.engine.expr.Expression> buildKeys = probeIsLeft ? join.rightKeys() : join.leftKeys();
        this.probeKey = new KeyBuilder(probeKeys, ctx);
        this.probe = new RowReader(probeIsLeft ? leftWidth : rightWidth);
        this.build = new RowReader(probeIsLeft ? rightWidth : leftWidth);
        this.keyRow = new RowReader(probeKeys.size());
        this.residual = join.residual() == null ? null : join.residual().evaluator(ctx);
        this.joinedReader = new RowReader(leftWidth + rightWidth);
        this.joined = new JoinedRowWriter(left, right);
        this.next = next;
        this.matchedBuildRows = type == JoinType.FULL_OUTER ? new IntHashSet() : null;
        loadBuildSide(probeIsLeft ? join.right() : join.left(), buildKeys, ctx);
    }


    private void loadBuildSide(io.tideway.engine.plan.LogicalPlan plan, List<io.tideway.engine.expr.Expression> keys, EvalContext ctx) {
        KeyBuilder key = new KeyBuilder(keys, ctx);
        RowReader row = new RowReader(plan.schema().length());
        int[] tail = {0};
        BatchExecutor.materialize(plan, ctx, (b, o, l) -> {
            int at = tail[0];
            buildRows.putInt(at, l);
            buildRows.putBytes(at + 4, b, o, l);
            tail[0] = at + 4 + l;
            allBuildRows.addInt(at);
            key.build(row.wrap(b, o, l));
            if (!hasNull(key.buffer(), key.length(), keys.size())) {
                byte[] k = new byte[key.length()];
                key.buffer().getBytes(0, k);
                index.computeIfAbsent(ByteBuffer.wrap(k), x -> new IntArrayList()).addInt(at);
            }
        });
    }

    private boolean hasNull(DirectBuffer key, int length, int fields) {
        keyRow.wrap(key, 0, length);
        for (int i = 0; i < fields; i++) {
            if (keyRow.isNullAt(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void accept(DirectBuffer buffer, int offset, int length) {
        probe.wrap(buffer, offset, length);
        IntArrayList candidates = candidates();
        boolean matched = false;
        for (int i = 0, n = candidates == null ? 0 : candidates.size(); i < n; i++) {
            int at = candidates.getInt(i);
            build.wrap(buildRows, at + 4, buildRows.getInt(at));
            int joinedLength = writeJoined(probe, build);
            if (residual != null) {
                residual.eval(joinedReader.wrap(joined.buffer(), 0, joinedLength));
                if (residual.isNull || residual.l == 0) {
                    continue;
                }
            }
            matched = true;
            if (matchedBuildRows != null) {
                matchedBuildRows.add(at);
            }
            if (type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI) {
                break;
            }
            next.accept(joined.buffer(), 0, joinedLength);
        }
        if (type == JoinType.LEFT_SEMI && matched || type == JoinType.LEFT_ANTI && !matched) {
            next.accept(buffer, offset, length);
        } else if (!matched && (type == JoinType.LEFT_OUTER || type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER)) {
            next.accept(joined.buffer(), 0, writeJoined(probe, null));
        }
    }

    private IntArrayList candidates() {
        if (probeKeyCount() == 0) {
            return allBuildRows; // no equi-keys: every build row is a candidate (a nested loop over the static side)
        }
        probeKey.build(probe);
        if (hasNull(probeKey.buffer(), probeKey.length(), probeKeyCount())) {
            return null;
        }
        return index.get(ByteBuffer.wrap(probeKeyBytes()));
    }

    private int probeKeyCount() {
        return keyRow.numFields();
    }

    private byte[] keyBytes = new byte[0];

    /** The probe key as a byte[] slice for the HashMap lookup, reusing one array. */
    private byte[] probeKeyBytes() {
        int n = probeKey.length();
        if (keyBytes.length != n) {
            keyBytes = new byte[n];
        }
        probeKey.buffer().getBytes(0, keyBytes);
        return keyBytes;
    }

    /** The joined row of the probe row and a build row (null: the probe row's outer padding). */
    private int writeJoined(RowReader probeRow, RowReader buildRow) {
        return probeIsLeft ? joined.write(probeRow, buildRow) : joined.write(buildRow, probeRow);
    }

    @Override
    public void finish() {
        if (matchedBuildRows != null) {
            for (int i = 0; i < allBuildRows.size(); i++) {
                int at = allBuildRows.getInt(i);
                if (!matchedBuildRows.contains(at)) {
                    build.wrap(buildRows, at + 4, buildRows.getInt(at));
                    next.accept(joined.buffer(), 0, probeIsLeft ? joined.write(null, build) : joined.write(build, null));
                }
            }
        }
        next.finish();
    }
}
