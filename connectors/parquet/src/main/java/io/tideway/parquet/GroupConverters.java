package io.tideway.parquet;

import io.tideway.engine.row.GenericRow;
import io.tideway.sql.types.ArrayType;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.MapType;
import io.tideway.sql.types.StructType;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The converters of Parquet's record assembly for one projected schema
 * ({@link ParquetProjection}): a leaf becomes a {@link ValueConverter}, a group a struct
 * ({@link GenericRow}), with the LIST annotation a {@link List}, with the MAP annotation a
 * {@link Map} in the file's entry order. Stateless factory.
 */
final class GroupConverters {
    private GroupConverters() {
    }

    /**
     * The converter of a field of a group (or of the message) into slot {@code ordinal} of the
     * group's {@code values}: a legacy repeated field (outside a LIST) collects its repetitions
     * into the list {@link #startRepeated} put there, as Spark reads it as an array.
     */
    static Converter field(DataType asked, Type file, Supplier<Object[]> values, int ordinal) {
        if (file.isRepetition(Type.Repetition.REPEATED) && asked instanceof ArrayType a) {
            @SuppressWarnings("unchecked")
            Consumer<Object> add = v -> ((List<Object>) values.get()[ordinal]).add(v);
            return of(a.elementType(), file, add);
        }
        return of(asked, file, v -> values.get()[ordinal] = v);
    }

    /** Puts an empty list in the slot of every repeated field of {@code file}: a record without repetitions reads []. */
    static void startRepeated(GroupType file, int[] ordinals, Object[] values) {
        for (int i = 0; i < ordinals.length; i++) {
            if (ordinals[i] >= 0 && file.getType(i).isRepetition(Type.Repetition.REPEATED)) {
                values[ordinals[i]] = new ArrayList<>();
            }
        }
    }

    /** The converter of {@code file} read as {@code asked}, handing each value to {@code sink}. */
    static Converter of(DataType asked, Type file, Consumer<Object> sink) {
        if (file.isPrimitive()) {
            return new ValueConverter(asked, file.asPrimitiveType(), sink);
        }
        if (asked instanceof ArrayType a) {
            return new ListConverter(a.elementType(), file.asGroupType(), sink);
        }
        if (asked instanceof MapType m) {
            return new MapConverter(m, file.asGroupType(), sink);
        }
        if (asked == io.tideway.sql.types.DataTypes.VariantType) {
            return new VariantConverter(file.asGroupType(), sink);
        }
        return new StructConverter((StructType) asked, file.asGroupType(), sink);
    }

    /** A converter that reads {@code file}'s values and keeps none (a field no asked column names). */
    static Converter discard(Type file) {
        if (file.isPrimitive()) {
            return new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                }

                @Override
                public void addBoolean(boolean value) {
                }

                @Override
                public void addDouble(double value) {
                }

                @Override
                public void addFloat(float value) {
                }

                @Override
                public void addInt(int value) {
                }

                @Override
                public void addLong(long value) {
                }
            };
        }
        GroupType g = file.asGroupType();
        Converter[] children = new Converter[g.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            children[i] = discard(g.getType(i));
        }
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return children[fieldIndex];
            }

            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
    }

    /** A struct: one value per asked field, null where the file has none. Owned by one reader. */
    static final class StructConverter extends GroupConverter {
        private final StructType asked;
        private final GroupType file;
        private final Converter[] children;
        /** For each field of the file's group, its ordinal in the asked struct. */
        private final int[] ordinals;
        private final Consumer<Object> sink;
        private Object[] values;

        StructConverter(StructType asked, GroupType file, Consumer<Object> sink) {
            this.asked = asked;
            this.file = file;
            this.sink = sink;
            this.children = new Converter[file.getFieldCount()];
            this.ordinals = new int[children.length];
            for (int i = 0; i < children.length; i++) {
                Type f = file.getType(i);
                ordinals[i] = ordinal(asked, f.getName());
                children[i] = ordinals[i] < 0 ? discard(f) : field(asked.apply(ordinals[i]).dataType(), f, () -> values, ordinals[i]);
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
            return -1; // kept only so that the list around this struct keeps its layout: read and dropped
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
            values = new Object[asked.length()];
            startRepeated(file, ordinals, values);
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
            if (!ParquetSchemas.isListElement(rep, file.getName())) {
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

    /** A MAP: {@code repeated group key_value { key; value }}, an absent value read as null. Owned by one reader. */
    static final class MapConverter extends GroupConverter {
        private final Converter entry;
        private final Consumer<Object> sink;
        private Map<Object, Object> values;
        private Object key;
        private Object value;

        MapConverter(MapType type, GroupType file, Consumer<Object> sink) {
            this.sink = sink;
            GroupType kv = file.getType(0).asGroupType();
            Converter keys = of(type.keyType(), kv.getType(0), v -> key = v);
            Converter vals = of(type.valueType(), kv.getType(1), v -> value = v);
            this.entry = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? keys : vals;
                }

                @Override
                public void start() {
                    key = null;
                    value = null;
                }

                @Override
                public void end() {
                    values.put(key, value);
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
            values = new LinkedHashMap<>();
        }

        @Override
        public void end() {
            sink.accept(values);
        }
    }
}
