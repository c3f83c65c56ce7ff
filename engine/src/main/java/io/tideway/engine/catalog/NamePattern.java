package io.tideway.engine.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spark's catalog name pattern ({@code SHOW TABLES LIKE}, {@code listTables(db, pattern)}):
 * {@code *} stands for any characters, {@code |} separates alternatives, case-insensitive.
 * Stateless.
 */
public final class NamePattern {
    private NamePattern() {
    }

    /** The regular expression of {@code pattern}. */
    public static Pattern compile(String pattern) {
        List<String> alternatives = new ArrayList<>();
        for (String alt : pattern.split("\\|")) {
            alternatives.add(Pattern.quote(alt.trim()).replace("*", "\\E.*\\Q"));
        }
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }
}
