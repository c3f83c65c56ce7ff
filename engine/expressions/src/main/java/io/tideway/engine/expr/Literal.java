package io.tideway.engine.expr;

import io.tideway.engine.expr.codegen.CodeValue;
import io.tideway.engine.expr.codegen.CodegenContext;
import io.tideway.engine.expr.codegen.UnsupportedExpression;
import io.tideway.engine.row.RowConverter;
import io.tideway.engine.row.TemporalValues;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;

/** A constant value. */
public final class Literal extends LeafExpression {
    private static final long serialVersionUID = 1L;
    private final Object value;
    private final DataType type;

    public Literal(Object value, DataType type) {
        this.value = value;
        this.type = type;
    }

    /** A literal of the type Spark infers for a Java value. */
    public static Literal of(Object v) {
        if (v == null) {
            return new Literal(null, DataTypes.NullType);
        } else if (v instanceof Integer) {
            return new Literal(v, DataTypes.IntegerType);
        } else if (v instanceof Short) {
            return new Literal(v, DataTypes.ShortType);
        } else if (v instanceof Byte) {
            return new Literal(v, DataTypes.ByteType);
        } else if (v instanceof Float) {
            return new Literal(v, DataTypes.FloatType);
        } else if (v instanceof Long) {
            return new Literal(v, DataTypes.LongType);
        } else if (v instanceof Double || v instanceof Float) {
            return new Literal(((Number) v).doubleValue(), DataTypes.DoubleType);
        } else if (v instanceof java.math.BigDecimal b) {
            return decimal(b);
        } else if (v instanceof java.math.BigInteger b) {
            return decimal(new java.math.BigDecimal(b));
        } else if (v instanceof String) {
            return new Literal(v, DataTypes.StringType);
        } else if (v instanceof Boolean) {
            return new Literal(v, DataTypes.BooleanType);
        } else if (v instanceof Timestamp) {
            return new Literal(v, DataTypes.TimestampType);
        } else if (v instanceof Date) {
            return new Literal(v, DataTypes.DateType);
        } else if (v instanceof byte[]) {
            return new Literal(v, DataTypes.BinaryType);
        } else if (v instanceof java.time.Duration) {
            return new Literal(v, DataTypes.DayTimeIntervalType);
        } else if (v instanceof java.time.Period) {
            return new Literal(v, io.tideway.sql.types.DataTypes.createYearMonthIntervalType());
        } else if (v instanceof java.time.LocalDateTime) {
            return new Literal(v, DataTypes.TimestampNTZType);
        } else if (v instanceof io.tideway.unsafe.types.CalendarInterval) {
            return new Literal(v, DataTypes.CalendarIntervalType);
        }
        // as Spark's Column API, a value of no SQL type fails when the column is analysed, not built
        return new Literal(v, null);
    }

    /** A decimal literal of Spark's type for its digits ({@code DecimalType.fromDecimal}); a negative scale becomes 0. */
    public static Literal decimal(java.math.BigDecimal v) {
        java.math.BigDecimal x = v.scale() < 0 ? v.setScale(0) : v;
        return new Literal(x, io.tideway.sql.types.DecimalType.forValue(x));
    }

    public Object value() {
        return value;
    }

    @Override
    public String sql() {
        if (value instanceof Date d) {
            return "DATE '" + d.toLocalDate() + "'";
        }
        if (value instanceof Timestamp t) {
            return "TIMESTAMP '" + timestampText(t) + "'";
        }
        if (value != null && type instanceof io.tideway.sql.types.DayTimeIntervalType t) {
            return IntervalText.dayTime(TemporalValues.toLong(value), t);
        }
        if (value != null && type instanceof io.tideway.sql.types.YearMonthIntervalType t) {
            return IntervalText.yearMonth((int) TemporalValues.toLong(value), t);
        }
        if (value instanceof java.time.LocalDateTime l) {
            String text = localText(l);
            return type == DataTypes.TimestampNTZType ? "TIMESTAMP_NTZ '" + text + "'" : "TIMESTAMP '" + text + "'";
        }
        if (value instanceof io.tideway.unsafe.types.CalendarInterval c) {
            return "INTERVAL '" + c + "'";
        }
        if (value instanceof byte[] b) {
            StringBuilder sb = new StringBuilder("X'");
            for (byte x : b) {
                sb.append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
            }
            return sb.append('\'').toString();
        }
        return value == null ? "NULL" : value.toString();
    }

    /**
     * Spark's fraction formatter: {@code yyyy-MM-dd HH:mm:ss}, then the microseconds without
     * trailing zeros when there are any. The local time is the JVM zone's, Spark's default
     * session zone.
     */
    private static String timestampText(Timestamp t) {
        return localText(t.toLocalDateTime());
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, then the microseconds without trailing zeros when there are any. */
    private static String localText(java.time.LocalDateTime local) {
        String text = local.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        int micros = local.getNano() / 1000;
        if (micros == 0) {
            return text;
        }
        String fraction = String.format("%06d", micros).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    /**
     * A timestamp literal's micros: a {@link Timestamp} is an instant; a {@code LocalDateTime} (SQL's
     * {@code TIMESTAMP '...'}) is a wall-clock time read in the session zone, as Spark's parser does.
     */
    private long timestampMicros(java.time.ZoneId zone) {
        if (value instanceof java.time.LocalDateTime l) {
            java.time.Instant i = l.atZone(zone).toInstant();
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
        }
        return value instanceof Number n ? n.longValue() : RowConverter.toMicros((Timestamp) value);
    }

    /** The bytes of a string, binary or calendar-interval literal. */
    private byte[] bytes() {
        if (value instanceof io.tideway.unsafe.types.CalendarInterval c) {
            return TemporalValues.encode(c);
        }
        return value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public DataType dataType() {
        if (type == null) {
            throw new io.tideway.SparkRuntimeException("UNSUPPORTED_FEATURE.LITERAL_TYPE", java.util.Map.of("value",
                    String.valueOf(value), "type", value.getClass().toString()));
        }
        return type;
    }

    @Override
    public boolean nullable() {
        return value == null;
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        Evaluator e = new Evaluator() {
            @Override
            public void eval(RowReader row) {
                // constant: computed once below
            }
        };
        e.isNull = value == null;
        if (value == null) {
            return e;
        }
        if (type instanceof io.tideway.sql.types.DecimalType) {
            e.dec = (java.math.BigDecimal) value;
        } else if (type == DataTypes.DoubleType || type == DataTypes.FloatType) {
            e.d = ((Number) value).doubleValue();
        } else if (type == DataTypes.BooleanType) {
            e.l = (Boolean) value ? 1 : 0;
        } else if (type == DataTypes.TimestampType) {
            e.l = timestampMicros(context.timeZone());
        } else if (type == DataTypes.DateType) {
            e.l = ((Date) value).toLocalDate().toEpochDay();
        } else if (TemporalValues.isLongBacked(type)) {
            e.l = TemporalValues.toLong(value);
        } else if (value instanceof Number n) {
            e.l = n.longValue();
        } else {
            byte[] bytes = bytes();
            e.buf = new UnsafeBuffer(bytes);
            e.off = 0;
            e.len = bytes.length;
        }
        return e;
    }

    @Override
    public CodeValue genCode(CodegenContext ctx) {
        CodeValue v = ctx.declare(type);
        if (value == null) {
            return v;
        }
        ctx.line(v.isNull() + " = false;");
        if (v.kind() == CodeValue.Kind.DECIMAL) {
            ctx.line(v.value() + " = " + ctx.constant(value, "java.math.BigDecimal") + ";");
        } else if (v.kind() == CodeValue.Kind.DOUBLE) {
            ctx.line(v.value() + " = Double.longBitsToDouble(" + Double.doubleToRawLongBits(((Number) value).doubleValue()) + "L);");
        } else if (v.kind() == CodeValue.Kind.LONG) {
            long l;
            if (type == DataTypes.BooleanType) {
                l = (Boolean) value ? 1 : 0;
            } else if (type == DataTypes.TimestampType) {
                l = timestampMicros(ctx.evalContext().timeZone());
            } else if (type == DataTypes.DateType) {
                l = ((Date) value).toLocalDate().toEpochDay();
            } else if (TemporalValues.isLongBacked(type)) {
                l = TemporalValues.toLong(value);
            } else if (value instanceof Number n) {
                l = n.longValue();
            } else {
                throw new UnsupportedExpression("literal " + value.getClass().getSimpleName());
            }
            ctx.line(v.value() + " = " + l + "L;");
        } else {
            byte[] bytes = bytes();
            // the value and its length come from a field, so one class serves every value of the literal
            String k = ctx.constant(new UnsafeBuffer(bytes.clone()), "org.agrona.DirectBuffer");
            ctx.line(v.value() + " = " + k + "; " + v.offset() + " = 0; " + v.length() + " = " + k + ".capacity();");
        }
        return v;
    }
}
