package io.tideway.parquet;

import io.tideway.sql.types.StructType;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.util.Map;

/**
 * Reads the asked columns of one file as an array of Java values per record, one per asked
 * column (null where the file lacks it or holds a null); {@link ParquetProjection} matches the
 * columns and checks their types when parquet-java opens the file.
 *
 * <p>Threading: owned by the reader of one file.
 */
final class RowReadSupport extends ReadSupport<Object[]> {
    private final StructType asked;
    private final String fileUri;
    private ParquetProjection projection;

    RowReadSupport(StructType asked, String fileUri) {
        this.asked = asked;
        this.fileUri = fileUri;
    }

    @Override
    public ReadContext init(InitContext context) {
        projection = ParquetProjection.of(asked, context.getFileSchema(), fileUri);
        return new ReadContext(projection.requested);
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(ParquetConfiguration conf, Map<String, String> keyValueMetaData,
                                                       MessageType fileSchema, ReadContext readContext) {
        return new Materializer();
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(Configuration conf, Map<String, String> keyValueMetaData,
                                                       MessageType fileSchema, ReadContext readContext) {
        return new Materializer();
    }

    /** Assembles one record's values. */
    private final class Materializer extends RecordMaterializer<Object[]> {
        private final Converter[] children;
        private Object[] values;
        private final GroupConverter root = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return children[fieldIndex];
            }

            @Override
            public void start() {
                values = new Object[asked.length()];
                GroupConverters.startRepeated(projection.requested, projection.ordinals, values);
            }

            @Override
            public void end() {
            }
        };

        Materializer() {
            MessageType requested = projection.requested;
            children = new Converter[requested.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                int ordinal = projection.ordinals[i];
                Type f = requested.getType(i);
                children[i] = GroupConverters.field(asked.apply(ordinal).dataType(), f, () -> values, ordinal);
            }
        }

        @Override
        public Object[] getCurrentRecord() {
            return values;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }
}
