package io.tideway.engine.plan;

import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.sql.types.StructType;


/**
 * A typed operation with user code: {@code map}, {@code flatMap}, {@code filter(FilterFunction)},
 * {@code mapPartitions}. Rows are decoded with {@code input}, the function runs on objects, and
 * results are encoded with {@code output}.
 */
public final class TypedOperator extends UnaryNode {
    private static final long serialVersionUID = 1L;

    /** Spark's node for each kind, used in error messages. */
    public enum Kind {
        MAP("MapElements"), FLAT_MAP("MapPartitions"), FILTER("TypedFilter"), MAP_PARTITIONS("MapPartitions");
        final String nodeName;

        Kind(String nodeName) {
            this.nodeName = nodeName;
        }
    }

    private final Kind kind;
    private final Object function;
    private final ObjectEncoder<?> input;
    private final ObjectEncoder<?> output;

    public TypedOperator(Kind kind, Object function, ObjectEncoder<?> input, ObjectEncoder<?> output, LogicalPlan child) {
        super(child);
        this.kind = kind;
        this.function = function;
        this.input = input;
        this.output = output;
    }

    public Kind kind() {
        return kind;
    }

    public Object function() {
        return function;
    }

    public ObjectEncoder<?> input() {
        return input;
    }

    public ObjectEncoder<?> output() {
        return output;
    }



    @Override
    public StructType schema() {
        return kind == Kind.FILTER ? child().schema() : output.schema();
    }

    @Override
    public String nodeName() {
        return kind.nodeName;
    }

    @Override
    protected String argString() {
        return function.getClass().getSimpleName();
    }

    @Override
    public TypedOperator withNewChild(LogicalPlan child) {
        return new TypedOperator(kind, function, input, output, child);
    }
}
