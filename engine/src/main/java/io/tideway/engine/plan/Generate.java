package io.tideway.engine.plan;

import io.tideway.engine.expr.Generator;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.List;


/**
 * A generator ({@code explode}, {@code posexplode}, {@code stack}, ...): per input row, the rows
 * it gives, each holding the child's columns that later operators need
 * ({@code requiredChildOrdinals}, as Spark's {@code requiredChildOutput}) then the generator's
 * columns, named {@code outputNames} (an outer generator's columns are all nullable).
 */
public final class Generate extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final Generator generator;
    private final List<String> outputNames;
    private final int[] requiredChildOrdinals;
    private final StructType schema;

    public Generate(Generator generator, List<String> outputNames, LogicalPlan child, int[] requiredChildOrdinals) {
        super(child);
        this.generator = generator;
        this.outputNames = List.copyOf(outputNames);
        this.requiredChildOrdinals = requiredChildOrdinals.clone();
        StructType s = new StructType();
        for (int i : requiredChildOrdinals) {
            s = s.add(child().schema().apply(i));
        }
        StructField[] element = generator.elementSchema().fields();
        for (int i = 0; i < element.length; i++) {
            s = s.add(outputNames.get(i), element[i].dataType(), generator.outer() || element[i].nullable());
        }
        this.schema = s;
    }

    /** Child columns copied into each output row, in output order. */
    public int[] requiredChildOrdinals() {
        return requiredChildOrdinals.clone();
    }

    public Generator generator() {
        return generator;
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
        return generator.sql() + ", [" + String.join(", ", outputNames) + "]";
    }

    @Override
    public Generate withNewChild(LogicalPlan child) {
        return new Generate(generator, outputNames, child, requiredChildOrdinals);
    }
}
