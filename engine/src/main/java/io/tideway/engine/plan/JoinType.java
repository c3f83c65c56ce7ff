package io.tideway.engine.plan;

import java.util.Locale;

/** Spark's join types, parsed from the names {@code Dataset.join} accepts. */
public enum JoinType {
    INNER("Inner"), LEFT_OUTER("LeftOuter"), RIGHT_OUTER("RightOuter"), FULL_OUTER("FullOuter"),
    LEFT_SEMI("LeftSemi"), LEFT_ANTI("LeftAnti"), CROSS("Cross");

    private final String sparkName;

    JoinType(String sparkName) {
        this.sparkName = sparkName;
    }

    /** The name Spark prints in plans and messages ({@code LeftOuter}). */
    public String sparkName() {
        return sparkName;
    }

    public static JoinType parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "inner" -> INNER;
            case "outer", "full", "fullouter" -> FULL_OUTER;
            case "left", "leftouter" -> LEFT_OUTER;
            case "right", "rightouter" -> RIGHT_OUTER;
            case "leftsemi", "semi" -> LEFT_SEMI;
            case "leftanti", "anti" -> LEFT_ANTI;
            case "cross" -> CROSS;
            default -> throw new IllegalArgumentException("Unsupported join type '" + name + "'. Supported join types include: "
                    + "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', "
                    + "'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.");
        };
    }

    /** Whether the output has only the left side's columns. */
    public boolean leftOnly() {
        return this == LEFT_SEMI || this == LEFT_ANTI;
    }
}
