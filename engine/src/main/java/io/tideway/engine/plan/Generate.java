package io.tideway.engine.plan;

import io.tideway.engine.expr.Explode;
import io.tideway.sql.types.StructType;

import java.util.List;

/** {@code explode}: the child's columns plus one generated column, one row per array element. */
public final class Generate extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final Explode generator;
    private final String outputName;
    private final LogicalPlan child;
    private final StructType schema;

    public Generate(Explode generator, String outputName, LogicalPlan child) {
        this.generator = generator;
        this.outputName = outputName;
        this.child = child;
        this.schema = child.schema().add(outputName, generator.dataType(), true);
    }

    public Explode generator() {
        return generator;
    }

    public LogicalPlan child() {
        return child;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public String nodeName() {
        return "Generate";
    }

    @Override
    protected String argString() {
        return "explode(" + generator.child().sql() + "), [" + outputName + "]";
    }
}
