package io.tideway.parquet;

import io.tideway.engine.row.GenericRow;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.StructType;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The converters of Parquet's record assembly for one projected schema
 * ({@link ParquetProjection}): a leaf becomes a {@link ValueConverter}, a group a struct
 * ({@link GenericRow}) or, with the LIST annotation, a {@link List}. Stateless factory.
 */
final class GroupConverters {
    private GroupConverters() {
    }

    /** The converter of {@code file} read as {@code asked}, handing each value to {@code sink}. */
    static Converter of(DataType asked, Type file, Consumer<Object> sink) {
        if (file.isPrimitive()) {
            return new ValueConverter(asked, file.asPrimitiveType(), sink);
        }
        if (asked instanceof ArrayType a) {
            return new ListConverter(a.elementType(), file.asGroupType(), sink);
        }
        return new StructConverter((StructType) asked, file.asGroupType(), sink);
    }

    /** A struct: one value per asked field, null where the file has none. Owned by one reader. */
    static final class StructConverter extends GroupConverter {
        private final StructType asked;
        private final Converter[] children;
        private final Consumer<Object> sink;
        private Object[] values;

        StructConverter(StructType asked, GroupType file, Consumer<Object> sink) {
            this.asked = asked;
            this.sink = sink;
            this.children = new Converter[file.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                Type f = file.getType(i);
                int ordinal = ordinal(asked, f.getName());
                children[i] = of(asked.apply(ordinal).dataType(), f, v -> values[ordinal] = v);
            }
        }

        private static int ordinal(StructType asked, String name) {
            for (int i = 0; i < asked.length(); i++) {
                if (asked.apply(i).name().equals(name)) {
                    return i;
                }
            }
            for (int i = 0; i < asked.length(); i++) {
                if (asked.apply(i).name().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            throw new IllegalStateException("projected field " + name + " is not asked for");
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
            values = new Object[asked.length()];
        }

        @Override
        public void end() {
            sink.accept(new GenericRow(values, asked));
        }
    }

    /**
     * A LIST: the standard three levels ({@code repeated group list { element }}), or two levels
     * where the repeated field is the element. Owned by one reader.
     */
    static final class ListConverter extends GroupConverter {
        private final Converter repeated;
        private final Consumer<Object> sink;
        private List<Object> values;
        private Object element;

        ListConverter(DataType elementType, GroupType file, Consumer<Object> sink) {
            this.sink = sink;
            Type rep = file.getType(0);
            if (!rep.isPrimitive() && rep.asGroupType().getFieldCount() == 1) {
                Converter element = of(elementType, rep.asGroupType().getType(0), v -> this.element = v);
                this.repeated = new GroupConverter() {
                    @Override
                    public Converter getConverter(int fieldIndex) {
                        return element;
                    }

                    @Override
                    public void start() {
                        ListConverter.this.element = null;
                    }

                    @Override
                    public void end() {
                        values.add(ListConverter.this.element);
                    }
                };
            } else {
                this.repeated = of(elementType, rep, v -> values.add(v));
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            values = new ArrayList<>();
        }

        @Override
        public void end() {
            sink.accept(values);
        }
    }
}
