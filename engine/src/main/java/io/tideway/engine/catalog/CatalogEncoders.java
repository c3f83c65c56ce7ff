package io.tideway.engine.catalog;

import io.tideway.engine.encoders.MappedEncoder;
import io.tideway.sql.Encoder;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.catalog.CatalogMetadata;
import io.tideway.sql.catalog.Column;
import io.tideway.sql.catalog.Database;
import io.tideway.sql.catalog.Function;
import io.tideway.sql.catalog.Table;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.util.Arrays;
import java.util.List;

/**
 * The encoders of {@code spark.catalog()}'s result rows: each class's constructor parameters as
 * columns, in order, with Spark's types and nullability (what {@code show()} and
 * {@code printSchema()} print). Stateless.
 */
public final class CatalogEncoders {
    private static final StructType CATALOGS = new StructType()
            .add("name", DataTypes.StringType).add("description", DataTypes.StringType);
    private static final StructType DATABASES = new StructType()
            .add("name", DataTypes.StringType).add("catalog", DataTypes.StringType)
            .add("description", DataTypes.StringType).add("locationUri", DataTypes.StringType);
    private static final StructType TABLES = new StructType()
            .add("name", DataTypes.StringType).add("catalog", DataTypes.StringType)
            .add("namespace", DataTypes.createArrayType(DataTypes.StringType)).add("description", DataTypes.StringType)
            .add("tableType", DataTypes.StringType).add("isTemporary", DataTypes.BooleanType, false);
    private static final StructType COLUMNS = new StructType()
            .add("name", DataTypes.StringType).add("description", DataTypes.StringType)
            .add("dataType", DataTypes.StringType).add("nullable", DataTypes.BooleanType, false)
            .add("isPartition", DataTypes.BooleanType, false).add("isBucket", DataTypes.BooleanType, false)
            .add("isCluster", DataTypes.BooleanType, false);
    private static final StructType FUNCTIONS = new StructType()
            .add("name", DataTypes.StringType).add("catalog", DataTypes.StringType)
            .add("namespace", DataTypes.createArrayType(DataTypes.StringType)).add("description", DataTypes.StringType)
            .add("className", DataTypes.StringType).add("isTemporary", DataTypes.BooleanType, false);

    private CatalogEncoders() {
    }

    public static Encoder<CatalogMetadata> catalogs() {
        return new MappedEncoder<>(CATALOGS, CatalogMetadata.class,
                r -> new CatalogMetadata(r.getString(0), r.getString(1)),
                c -> RowFactory.create(c.name(), c.description()));
    }

    public static Encoder<Database> databases() {
        return new MappedEncoder<>(DATABASES, Database.class,
                r -> new Database(r.getString(0), r.getString(1), r.getString(2), r.getString(3)),
                d -> RowFactory.create(d.name(), d.catalog(), d.description(), d.locationUri()));
    }

    public static Encoder<Table> tables() {
        return new MappedEncoder<>(TABLES, Table.class,
                r -> new Table(r.getString(0), r.getString(1), names(r, 2), r.getString(3), r.getString(4), r.getBoolean(5)),
                t -> RowFactory.create(t.name(), t.catalog(), list(t.namespace()), t.description(), t.tableType(), t.isTemporary()));
    }

    public static Encoder<Column> columns() {
        return new MappedEncoder<>(COLUMNS, Column.class,
                r -> new Column(r.getString(0), r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4),
                        r.getBoolean(5), r.getBoolean(6)),
                c -> RowFactory.create(c.name(), c.description(), c.dataType(), c.nullable(), c.isPartition(),
                        c.isBucket(), c.isCluster()));
    }

    public static Encoder<Function> functions() {
        return new MappedEncoder<>(FUNCTIONS, Function.class,
                r -> new Function(r.getString(0), r.getString(1), names(r, 2), r.getString(3), r.getString(4), r.getBoolean(5)),
                f -> RowFactory.create(f.name(), f.catalog(), list(f.namespace()), f.description(), f.className(), f.isTemporary()));
    }

    private static String[] names(Row r, int i) {
        return r.isNullAt(i) ? null : r.<String>getList(i).toArray(new String[0]);
    }

    private static List<String> list(String[] names) {
        return names == null ? null : Arrays.asList(names);
    }
}
