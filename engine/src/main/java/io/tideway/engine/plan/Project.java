package io.tideway.engine.plan;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.StructType;

import java.util.List;

/** {@code select}, {@code withColumn}, {@code drop}: one resolved expression per output column. */
public final class Project extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final List<Expression> projectList;
    private final LogicalPlan child;
    private final StructType schema;

    public Project(List<Expression> projectList, LogicalPlan child) {
        this.projectList = List.copyOf(projectList);
        this.child = child;
        this.schema = NamedExpressions.schemaOf(projectList);
    }

    public List<Expression> projectList() {
        return projectList;
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
        return "Project";
    }

    @Override
    protected String argString() {
        return NamedExpressions.listString(projectList);
    }
}
