package io.tideway.engine.plan;

import io.tideway.engine.expr.Expression;
import io.tideway.sql.types.StructType;

import java.util.List;

/** {@code select}, {@code withColumn}, {@code drop}: one resolved expression per output column. */
public final class Project extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final List<Expression> projectList;
    private final StructType schema;

    public Project(List<Expression> projectList, LogicalPlan child) {
        super(child);
        this.projectList = List.copyOf(projectList);
        this.schema = NamedExpressions.schemaOf(projectList);
    }

    public List<Expression> projectList() {
        return projectList;
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

    @Override
    public Project withNewChild(LogicalPlan child) {
        return new Project(projectList, child);
    }
}
