package io.tideway.parquet;

import io.tideway.unsafe.types.VariantVal;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;

import java.util.function.Consumer;

/**
 * Reads Spark 4.0's unshredded variant group ({@code value} and {@code metadata} binaries, in
 * either order) into a {@link VariantVal}. Owned by one reader.
 */
final class VariantConverter extends GroupConverter {
    private final Consumer<Object> sink;
    private final Converter[] children;
    private byte[] value;
    private byte[] metadata;

    VariantConverter(GroupType file, Consumer<Object> sink) {
        this.sink = sink;
        this.children = new Converter[file.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            boolean isValue = file.getType(i).getName().equals(ParquetSchemas.VARIANT_VALUE);
            children[i] = new PrimitiveConverter() {
                @Override
                public void addBinary(Binary b) {
                    if (isValue) {
                        value = b.getBytes();
                    } else {
                        metadata = b.getBytes();
                    }
                }
            };
        }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return children[fieldIndex];
    }

    @Override
    public void start() {
        value = null;
        metadata = null;
    }

    @Override
    public void end() {
        sink.accept(new VariantVal(value, metadata));
    }
}
