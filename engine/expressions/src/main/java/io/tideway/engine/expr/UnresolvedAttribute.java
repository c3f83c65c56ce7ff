package io.tideway.engine.expr;

import io.tideway.engine.error.Unchecked;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;

import java.util.ArrayList;
import java.util.List;

/** A column named by the user, not yet bound to an input schema; {@code *} selects all. */
public final class UnresolvedAttribute extends LeafExpression {
    private static final long serialVersionUID = 1L;
    private final String name;
    /** The plan of the Dataset whose {@code col(name)} made this, or null: tells a join's sides apart. */
    private final AttributeSource origin;

    public UnresolvedAttribute(String name) {
        this(name, null);
    }

    public UnresolvedAttribute(String name, AttributeSource origin) {
        this.name = name;
        this.origin = origin;
    }

    /**
     * The attribute {@code col(name)} names, read as Spark's {@code UnresolvedAttribute.quotedString}
     * reads it: dots separate parts, a part in backquotes is taken literally ({@code `a.b`} is one
     * column, {@code ``} a backquote in it). The parts are kept dot-joined, so a single quoted
     * part with a dot still matches a column of that exact name first. A name that does not parse
     * (an unclosed backquote) is kept as written: Spark's {@code INVALID_ATTRIBUTE_NAME_SYNTAX} is
     * not raised.
     */
    public static UnresolvedAttribute quoted(String name) {
        if (name.indexOf('`') < 0) {
            return new UnresolvedAttribute(name);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (inQuotes) {
                if (ch != '`') {
                    part.append(ch);
                } else if (i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    part.append('`');
                    i++;
                } else {
                    inQuotes = false;
                    if (i + 1 < name.length() && name.charAt(i + 1) != '.') {
                        return new UnresolvedAttribute(name); // text after a closing quote
                    }
                }
            } else if (ch == '`' && part.length() == 0) {
                inQuotes = true;
            } else if (ch == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else if (ch == '`') {
                return new UnresolvedAttribute(name); // a quote inside an unquoted part
            } else {
                part.append(ch);
            }
        }
        if (inQuotes) {
            return new UnresolvedAttribute(name);
        }
        parts.add(part.toString());
        return new UnresolvedAttribute(String.join(".", parts));
    }

    public AttributeSource origin() {
        return origin;
    }

    public String name() {
        return name;
    }

    public boolean isStar() {
        return name.equals("*");
    }

    @Override
    public String sql() {
        return name;
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
        throw Unchecked.raise(new AnalysisException("Invalid call to dataType on unresolved object " + name));
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        throw new IllegalStateException("unresolved column " + name);
    }
}
