package io.tideway.engine.plan;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;

import java.util.Locale;
import java.util.Map;

/** Spark's join types, parsed from the names {@code Dataset.join} accepts. */
public enum JoinType {
    INNER("Inner"), LEFT_OUTER("LeftOuter"), RIGHT_OUTER("RightOuter"), FULL_OUTER("FullOuter"),
    LEFT_SEMI("LeftSemi"), LEFT_ANTI("LeftAnti"), CROSS("Cross");

    /** The names {@link #parse} accepts, listed as Spark's {@code JoinType.apply} lists them in its error. */
    private static final String SUPPORTED = "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', "
            + "'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', "
            + "'left_anti', 'anti', 'cross'";

    private final String sparkName;

    JoinType(String sparkName) {
        this.sparkName = sparkName;
    }

    /** The name Spark prints in plans and messages ({@code LeftOuter}). */
    public String sparkName() {
        return sparkName;
    }

    /**
     * The join type a {@code Dataset.join} name spells (case and underscores ignored); an unknown
     * name fails as Spark's does, with {@code UNSUPPORTED_JOIN_TYPE} when the join is written.
     */
    public static JoinType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "inner" -> INNER;
            case "outer", "full", "fullouter" -> FULL_OUTER;
            case "left", "leftouter" -> LEFT_OUTER;
            case "right", "rightouter" -> RIGHT_OUTER;
            case "leftsemi", "semi" -> LEFT_SEMI;
            case "leftanti", "anti" -> LEFT_ANTI;
            case "cross" -> CROSS;
            default -> throw Unchecked.raise(new AnalysisException("UNSUPPORTED_JOIN_TYPE",
                    Map.of("typ", name, "supported", SUPPORTED)));
        };
    }

    /** Whether the output has only the left side's columns. */
    public boolean leftOnly() {
        return this == LEFT_SEMI || this == LEFT_ANTI;
    }
}
