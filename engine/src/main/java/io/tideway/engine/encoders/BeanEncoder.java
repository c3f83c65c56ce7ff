package io.tideway.engine.encoders;

import io.tideway.engine.row.RowConverter;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import io.tideway.sql.Row;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;

import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Encodes a Java bean: one column per property with both a getter and a setter, ordered by name
 * as Spark does. Needs a public no-argument constructor.
 */
public final class BeanEncoder<T> implements ObjectEncoder<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> cls;
    private final StructType schema;
    private transient List<PropertyDescriptor> properties;

    public BeanEncoder(Class<T> cls) {
        this.cls = cls;
        StructType s = new StructType();
        for (PropertyDescriptor p : properties()) {
            Class<?> t = p.getPropertyType();
            s = s.add(p.getName(), typeOf(t, p.getName()), !t.isPrimitive());
        }
        this.schema = s;
    }

    private List<PropertyDescriptor> properties() {
        if (properties == null) {
            try {
                BeanInfo info = Introspector.getBeanInfo(cls);
                List<PropertyDescriptor> ps = new ArrayList<>();
                for (PropertyDescriptor p : info.getPropertyDescriptors()) {
                    if (p.getReadMethod() != null && p.getWriteMethod() != null) {
                        ps.add(p);
                    }
                }
                ps.sort(Comparator.comparing(PropertyDescriptor::getName));
                properties = ps;
            } catch (IntrospectionException e) {
                throw new IllegalArgumentException("Cannot introspect bean " + cls.getName(), e);
            }
        }
        return properties;
    }

    private DataType typeOf(Class<?> t, String property) {
        if (t == String.class) {
            return DataTypes.StringType;
        } else if (t == long.class || t == Long.class) {
            return DataTypes.LongType;
        } else if (t == int.class || t == Integer.class) {
            return DataTypes.IntegerType;
        } else if (t == short.class || t == Short.class) {
            return DataTypes.ShortType;
        } else if (t == byte.class || t == Byte.class) {
            return DataTypes.ByteType;
        } else if (t == float.class || t == Float.class) {
            return DataTypes.FloatType;
        } else if (t == double.class || t == Double.class) {
            return DataTypes.DoubleType;
        } else if (t == java.math.BigDecimal.class) {
            return io.tideway.sql.types.DecimalType.SYSTEM_DEFAULT;
        } else if (t == boolean.class || t == Boolean.class) {
            return DataTypes.BooleanType;
        } else if (t == Timestamp.class) {
            return DataTypes.TimestampType;
        } else if (t == Date.class) {
            return DataTypes.DateType;
        } else if (t == byte[].class) {
            return DataTypes.BinaryType;
        }
        // a class with a user-defined type (annotated or registered) is stored through it, as in Spark
        io.tideway.sql.types.UserDefinedType<?> udt = io.tideway.sql.types.UDTRegistration.forUserClass(t);
        if (udt != null) {
            return udt;
        }
        throw new UnsupportedOperationException("Cannot encode property '" + property + "' of bean " + cls.getName()
                + ": type " + t.getName() + " is not supported");
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Class<T> runtimeClass() {
        return cls;
    }

    @Override
    public Converter<T> newConverter() {
        RowConverter rows = new RowConverter(schema);
        List<PropertyDescriptor> ps = properties();
        Method[] getters = ps.stream().map(PropertyDescriptor::getReadMethod).toArray(Method[]::new);
        Method[] setters = ps.stream().map(PropertyDescriptor::getWriteMethod).toArray(Method[]::new);
        DataType[] types = new DataType[ps.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = schema.apply(i).dataType();
        }
        return new Converter<>() {
            @Override
            public T read(RowReader row) {
                Row r = rows.toRow(row);
                try {
                    T bean = cls.getDeclaredConstructor().newInstance();
                    for (int i = 0; i < setters.length; i++) {
                        Object v = r.get(i);
                        if (v != null || !setters[i].getParameterTypes()[0].isPrimitive()) {
                            setters[i].invoke(bean, adapt(v, setters[i].getParameterTypes()[0]));
                        }
                    }
                    return bean;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot create bean " + cls.getName() + ": " + e, e);
                }
            }

            @Override
            public void write(T value, RowWriter out) {
                try {
                    for (int i = 0; i < getters.length; i++) {
                        RowConverter.writeValue(getters[i].invoke(value), types[i], out, i);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read bean " + cls.getName() + ": " + e, e);
                }
            }
        };
    }

    private static Object adapt(Object v, Class<?> target) {
        if (v instanceof Double d && (target == float.class || target == Float.class)) {
            return d.floatValue();
        }
        return v;
    }
}
