package io.tideway.engine.plan;

import io.tideway.sql.streaming.OutputMode;

import static io.tideway.engine.plan.UnsupportedOperationChecker.fail;

/**
 * The guide's join support matrix as Spark 4.0's {@code UnsupportedOperationChecker} applies it
 * to one join node, each refusal naming that join's subtree. Stateless.
 */
final class StreamingJoinChecks {
    private StreamingJoinChecks() {
    }

    static void check(Join j, OutputMode mode) {
        boolean leftStream = j.left().isStreaming();
        boolean rightStream = j.right().isStreaming();
        if (leftStream && rightStream && mode != OutputMode.Append()) {
            throw fail("Join between two streaming DataFrames/Datasets is not supported in " + mode
                    + " output mode, only in Append output mode", j);
        }
        switch (j.joinType()) {
            case INNER, CROSS -> {
            }
            case FULL_OUTER -> {
                if (leftStream && !rightStream) {
                    throw fail("FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset "
                            + "on the right is not supported", j);
                } else if (!leftStream && rightStream) {
                    throw fail("FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset "
                            + "on the left is not supported", j);
                } else if (leftStream) {
                    checkStreamStreamWatermark(j);
                }
            }
            case LEFT_ANTI -> {
                if (rightStream) {
                    throw fail("LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported", j);
                }
            }
            case LEFT_OUTER, LEFT_SEMI -> {
                if (!leftStream && rightStream) {
                    throw fail(j.joinType().sparkName() + " join with a streaming DataFrame/Dataset on the right and a static "
                            + "DataFrame/Dataset on the left is not supported", j);
                } else if (leftStream && rightStream) {
                    checkStreamStreamWatermark(j);
                }
            }
            case RIGHT_OUTER -> {
                if (leftStream && !rightStream) {
                    throw fail("RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet "
                            + "on the right not supported", j);
                } else if (leftStream && rightStream) {
                    checkStreamStreamWatermark(j);
                }
            }
        }
    }

    /**
     * Spark's {@code checkForStreamStreamJoinWatermark}: a watermark in the join keys, or a range
     * condition that bounds the state of the side a row may wait on (the left for LeftOuter and
     * LeftSemi, the right for RightOuter, either for FullOuter).
     */
    private static void checkStreamStreamWatermark(Join j) {
        JoinStateBounds bounds = JoinStateBounds.of(j);
        boolean validRange = switch (j.joinType()) {
            case LEFT_OUTER, LEFT_SEMI -> bounds.rangeBoundsLeft();
            case RIGHT_OUTER -> bounds.rangeBoundsRight();
            default -> bounds.rangeBoundsLeft() || bounds.rangeBoundsRight();
        };
        if (!UnsupportedOperationChecker.watermarkInJoinKeys(j) && !validRange) {
            throw fail("Stream-stream " + j.joinType().sparkName() + " join between two streaming DataFrame/Datasets is not "
                    + "supported without a watermark in the join keys, or a watermark on the nullable side and an "
                    + "appropriate range condition", j);
        }
    }

    /**
     * The stream-stream joins Spark starts that Tideway does not run, or null: Cross, and those
     * whose buffered rows Tideway's executor needs bounded on a side Spark does not require
     * (both sides of a FullOuter join, the right side of a LeftSemi join).
     */
    static String notRunByTideway(Join j) {
        if (!j.left().isStreaming() || !j.right().isStreaming()) {
            return null;
        }
        JoinStateBounds bounds = JoinStateBounds.of(j);
        boolean keys = UnsupportedOperationChecker.watermarkInJoinKeys(j);
        boolean runs = switch (j.joinType()) {
            case CROSS -> false;
            case FULL_OUTER -> keys || bounds.rangeBoundsLeft() && bounds.rangeBoundsRight();
            case LEFT_SEMI -> keys || bounds.rangeBoundsRight();
            default -> true;
        };
        return runs ? null : "Tideway does not run this stream-stream " + j.joinType().sparkName() + " join yet: it needs "
                + (j.joinType() == JoinType.CROSS ? "join keys" : "a watermark in the join keys, or range conditions that "
                + "bound " + (j.joinType() == JoinType.LEFT_SEMI ? "the right side's" : "both sides'") + " buffered rows");
    }
}
