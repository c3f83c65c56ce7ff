package io.tideway.engine.plan;

import io.tideway.engine.spi.Options;
import io.tideway.engine.spi.SourceProvider;
import io.tideway.sql.types.StructType;

import java.util.List;

/** A streaming source in a plan: the provider found by {@code format(...)}, its options and schema. */
public final class StreamingRelation extends LogicalPlan {
    private static final long serialVersionUID = 1L;
    private final transient SourceProvider provider;
    private final String format;
    private final Options options;
    private final StructType schema;

    public StreamingRelation(SourceProvider provider, String format, Options options, StructType schema) {
        this.provider = provider;
        this.format = format;
        this.options = options;
        this.schema = schema;
    }

    public SourceProvider provider() {
        return provider;
    }

    public String format() {
        return format;
    }

    public Options options() {
        return options;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public boolean isStreaming() {
        return true;
    }

    @Override
    public String nodeName() {
        return "StreamingRelation";
    }

    @Override
    protected String argString() {
        return format + ", " + String.join(", ", schema.fieldNames());
    }

    @Override
    public StreamingRelation copy(List<LogicalPlan> children) {
        return new StreamingRelation(provider, format, options, schema);
    }
}
