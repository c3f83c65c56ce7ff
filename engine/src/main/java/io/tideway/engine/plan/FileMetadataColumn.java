package io.tideway.engine.plan;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.GetStructField;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.fn.FunctionRegistry;

import java.util.Locale;

/**
 * A file source's hidden {@code _metadata} column, as Spark 4.0's file sources expose it: not
 * part of {@code *}, the schema or {@code columns}, resolved only where it is named
 * ({@code select("*", "_metadata")}, {@code col("_metadata.file_name")}, SQL
 * {@code _metadata.file_path}) on a file relation (batch or streaming) seen through nodes that
 * keep its rows in the reading thread (projections, filters, aliases, watermarks), and shadowed
 * by a data column of that name, which {@link io.tideway.sql.Dataset#metadataColumn} reaches
 * past. Its value is read from the file the source is reading ({@code FileMetadataFunctions}),
 * the path {@code input_file_name()} takes. Stateless.
 */
public final class FileMetadataColumn {
    /** The column's name. */
    public static final String NAME = "_metadata";

    private FileMetadataColumn() {
    }

    /** Whether {@code plan}'s rows come straight from a file source, so that {@code _metadata} names its file. */
    public static boolean available(LogicalPlan plan) {
        return fileRelation(plan) != null;
    }

    /** The file relation {@code plan}'s rows come straight from; null if none. */
    private static LogicalPlan fileRelation(LogicalPlan plan) {
        LogicalPlan p = plan;
        while (p instanceof Project || p instanceof Filter || p instanceof SubqueryAlias || p instanceof EventTimeWatermark) {
            p = ((UnaryNode) p).child();
        }
        boolean files = p instanceof DataSourceRelation r ? r.scan() != null && r.scan().readsFiles()
                : p instanceof StreamingRelation s && s.provider() != null && s.provider().sparkV1Relation();
        return files ? p : null;
    }

    /**
     * The metadata struct's value, named as Spark names the attribute: {@code _metadata}, with an
     * underscore put before it while a data column of {@code plan} has the name; Parquet's has
     * {@code row_index} too.
     */
    public static Expression value(LogicalPlan plan) {
        String name = NAME;
        while (Resolver.ordinalOf(name, plan.schema()) >= 0) {
            name = "_" + name;
        }
        LogicalPlan relation = fileRelation(plan);
        String format = relation instanceof DataSourceRelation r ? r.format()
                : relation instanceof StreamingRelation s ? s.format() : "";
        return FunctionRegistry.call("__file_metadata", Literal.of(name), Literal.of("parquet".equalsIgnoreCase(format)));
    }

    /**
     * {@code name} ({@code _metadata} or {@code _metadata.field...}) as the metadata column, or
     * null when it does not name it: another name, a data column {@code _metadata} of {@code input},
     * or a plan without a file source.
     */
    static Expression resolve(String name, LogicalPlan input) {
        String[] parts = name.split("\\.");
        if (!parts[0].toLowerCase(Locale.ROOT).equals(NAME) || Resolver.ordinalOf(parts[0], input.schema()) >= 0
                || !available(input)) {
            return null;
        }
        Expression e = value(input);
        for (int i = 1; i < parts.length; i++) {
            e = GetStructField.byName(e, parts[i]);
        }
        return e;
    }
}
