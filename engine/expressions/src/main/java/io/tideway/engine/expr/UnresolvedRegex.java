package io.tideway.engine.expr;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;

import java.util.regex.Pattern;

/**
 * Spark's {@code UnresolvedRegex} ({@code Dataset.colRegex("`re`")}): in a {@code select}, every
 * column whose name the regular expression matches in full, optionally only those of the alias
 * {@code qualifier}. Immutable.
 */
public final class UnresolvedRegex extends LeafExpression {
    private static final long serialVersionUID = 1L;
    private final String regex;
    private final String qualifier;
    private final Pattern pattern;

    /** @param qualifier the alias the columns must belong to, or null for any column */
    public UnresolvedRegex(String regex, String qualifier, boolean caseSensitive) {
        this.regex = regex;
        this.qualifier = qualifier;
        this.pattern = Pattern.compile(regex, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
    }

    /** The alias the columns must belong to, or null. */
    public String qualifier() {
        return qualifier;
    }

    /** Whether a column called {@code name} is selected. */
    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    @Override
    public String sql() {
        return (qualifier == null ? "" : qualifier + ".") + "`" + regex + "`";
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public DataType dataType() {
        throw Unchecked.raise(new AnalysisException("Invalid call to dataType on unresolved object " + sql()));
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException("unresolved regex " + sql());
    }
}
