package io.tideway.engine.plan;

import io.tideway.engine.expr.Explode;
import io.tideway.sql.types.StructType;


/**
 * {@code explode}: one row per array element, holding the child's columns that later operators
 * need ({@code requiredChildOrdinals}, as Spark's {@code requiredChildOutput}) plus the element.
 */
public final class Generate extends UnaryNode {
    private static final long serialVersionUID = 1L;
    private final Explode generator;
    private final String outputName;
    private final int[] requiredChildOrdinals;
    private final StructType schema;

    public Generate(Explode generator, String outputName, LogicalPlan child, int[] requiredChildOrdinals) {
        super(child);
        this.generator = generator;
        this.outputName = outputName;
        this.requiredChildOrdinals = requiredChildOrdinals.clone();
        StructType s = new StructType();
        for (int i : requiredChildOrdinals) {
            s = s.add(child().schema().apply(i));
        }
        this.schema = s.add(outputName, generator.dataType(), true);
    }

    /** Child columns copied into each output row, in output order. */
    public int[] requiredChildOrdinals() {
        return requiredChildOrdinals.clone();
    }

    public Explode generator() {
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
        return "explode(" + generator.child().sql() + "), [" + outputName + "]";
    }

    @Override
    public Generate withNewChild(LogicalPlan child) {
        return new Generate(generator, outputName, child, requiredChildOrdinals);
    }
}
