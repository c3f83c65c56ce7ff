package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.Decimal;
import io.tideway.sql.types.DecimalType;

import java.math.BigDecimal;
import java.math.BigInteger;

import static conformance.cases.OpsData.error;

/** Spark's mutable {@code Decimal} value as a Java user calls it: construction, precision changes, conversions and arithmetic. */
public final class TypesApiDecimal {
    private TypesApiDecimal() {
    }

    private static String show(Decimal d) {
        return d == null ? "null" : d + " " + d.toDebugString();
    }

    @Case
    public static void construction(CaseContext ctx) {
        Decimal[] ds = {
            new Decimal(), Decimal.apply(0.1), Decimal.apply(123.456), Decimal.apply(1e-7), Decimal.apply(12L),
            Decimal.apply(Long.MAX_VALUE), Decimal.apply(7), Decimal.apply(new BigDecimal("0.0100")),
            Decimal.apply(new BigDecimal("1.2E+3")), Decimal.apply(new BigInteger("123")),
            Decimal.apply(new BigInteger("123456789012345678901234567890")), Decimal.apply("-3.14159"),
            Decimal.apply(new BigDecimal("1.235"), 5, 2), Decimal.apply(1234L, 6, 3), Decimal.apply(1234L, 20, 3),
            Decimal.fromDecimal(new BigDecimal("9.90")), Decimal.fromDecimal(BigInteger.TEN),
            Decimal.createUnsafe(42L, 4, 1), Decimal.apply(new BigDecimal("12345678901234567890.123456789")),
        };
        for (Decimal d : ds) {
            ctx.println(show(d) + " p=" + d.precision() + " s=" + d.scale() + " plain=" + d.toPlainString());
        }
        ctx.println(Decimal.MAX_INT_DIGITS() + " " + Decimal.MAX_LONG_DIGITS() + " " + Decimal.POW_10()[3] + " "
                + Decimal.maxPrecisionForBytes(8) + " " + Decimal.minBytesForPrecision()[18]);
    }

    @Case
    public static void setters(CaseContext ctx) {
        Decimal d = new Decimal();
        ctx.println(show(d.set(5L)));
        ctx.println(show(d.set(5)));
        ctx.println(show(d.set(123L, 5, 2)));
        ctx.println(show(d.set(new BigInteger("99"))));
        ctx.println(show(d.set(Decimal.apply("1.5"))));
        ctx.println(show(d.setOrNull(12345L, 4, 0)) + " then " + show(d));
        ctx.println(show(d.set(scala.math.BigDecimal.exact("2.50"))));
        ctx.println(show(d.clone()));
        error(ctx, "set overflow", () -> new Decimal().set(12345L, 4, 0));
        error(ctx, "precision exceeded", () -> Decimal.apply(new BigDecimal("123.456"), 4, 2));
    }

    @Case
    public static void changePrecision(CaseContext ctx) {
        String[][] cases = {{"1.235", "5", "2"}, {"1.234", "5", "2"}, {"-1.235", "5", "2"}, {"123.45", "4", "2"},
            {"123.45", "5", "0"}, {"99.99", "3", "1"}, {"0.001", "3", "3"}, {"12345678901234567.89", "20", "1"},
            {"1", "38", "30"}, {"1.5", "2", "1"}};
        for (String[] c : cases) {
            Decimal d = Decimal.apply(c[0]);
            boolean ok = d.changePrecision(Integer.parseInt(c[1]), Integer.parseInt(c[2]));
            ctx.println(c[0] + " -> (" + c[1] + "," + c[2] + "): " + ok + " " + show(d));
        }
    }

    @Case
    public static void conversions(CaseContext ctx) {
        Decimal[] ds = {Decimal.apply("123.987"), Decimal.apply("-123.987"), Decimal.apply("300.5"),
            Decimal.apply("99999999999999999999.5")};
        for (Decimal d : ds) {
            ctx.println(d + ": double=" + d.toDouble() + " float=" + d.toFloat() + " long=" + d.toLong() + " int="
                    + d.toInt() + " short=" + d.toShort() + " byte=" + d.toByte() + " unscaled="
                    + (d.precision() <= 18 ? String.valueOf(d.toUnscaledLong()) : "-") + " bigint=" + d.toJavaBigInteger()
                    + " scala=" + d.toBigDecimal() + " java=" + d.toJavaBigDecimal() + " scalaInt=" + d.toScalaBigInt());
        }
        ctx.println(Decimal.apply("123.9").roundToByte() + " " + Decimal.apply("-300.9").roundToShort() + " "
                + Decimal.apply("7.5").roundToInt() + " " + Decimal.apply("-7.5").roundToLong());
        error(ctx, "roundToByte", () -> Decimal.apply("300.5").roundToByte());
        error(ctx, "roundToInt", () -> Decimal.apply("99999999999").roundToInt());
    }

    @Case
    public static void arithmetic(CaseContext ctx) {
        Decimal a = Decimal.apply("10.25");
        Decimal b = Decimal.apply("3.5");
        Decimal c = Decimal.apply("2.75");
        ctx.println("plus " + show(a.$plus(b)) + " | " + show(a.$plus(c)));
        ctx.println("minus " + show(a.$minus(b)) + " | " + show(b.$minus(a)));
        ctx.println("times " + show(a.$times(b)));
        ctx.println("div " + show(a.$div(b)) + " | " + show(Decimal.apply(1).$div(Decimal.apply(3))));
        ctx.println("mod " + show(a.$percent(b)) + " | rem " + show(a.remainder(b)) + " | quot " + show(a.quot(b)));
        ctx.println("by zero " + show(a.$div(Decimal.apply(0))) + " " + show(a.$percent(Decimal.apply("0.00")))
                + " " + show(a.quot(new Decimal())));
        ctx.println("neg " + show(a.unary_$minus()) + " abs " + show(a.unary_$minus().abs()) + " " + show(b.abs()));
        ctx.println("floor " + show(a.floor()) + " " + show(a.unary_$minus().floor()) + " ceil " + show(a.ceil())
                + " " + show(a.unary_$minus().ceil()) + " " + show(Decimal.apply(4).floor()));
        ctx.println("compare " + a.compare(b) + " " + b.compare(a) + " " + a.compareTo(Decimal.apply("10.250"))
                + " equals " + a.equals(Decimal.apply("10.2500")) + " " + a.equals(b) + " zero "
                + Decimal.apply("0.000").isZero() + " " + a.isZero());
        Decimal big = Decimal.apply("12345678901234567890.5");
        ctx.println("big " + show(big.$plus(a)) + " | " + show(big.$times(big)));
    }

    @Case
    public static void decimalTypeHelpers(CaseContext ctx) {
        DecimalType[] ts = {new DecimalType(5, 2), new DecimalType(9, 0), new DecimalType(18, 4), new DecimalType(19, 2),
            DecimalType.SYSTEM_DEFAULT(), DecimalType.USER_DEFAULT()};
        DataType[] others = {DataTypes.ByteType, DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType,
            new DecimalType(5, 2), new DecimalType(10, 5), DataTypes.StringType};
        for (DecimalType t : ts) {
            StringBuilder b = new StringBuilder(t.simpleString() + ": 32=" + DecimalType.is32BitDecimalType(t) + " 64="
                    + DecimalType.is64BitDecimalType(t) + " bytes=" + DecimalType.isByteArrayDecimalType(t));
            for (DataType o : others) {
                b.append(' ').append(o.simpleString()).append('=').append(t.isWiderThan(o) ? 'W' : '-')
                        .append(t.isTighterThan(o) ? 'T' : '-');
            }
            ctx.println(b.toString());
        }
        ctx.println(DecimalType.MAX_PRECISION() + " " + DecimalType.MAX_SCALE() + " " + DecimalType.DEFAULT_SCALE() + " "
                + DecimalType.MINIMUM_ADJUSTED_SCALE() + " " + DecimalType.is32BitDecimalType(DataTypes.IntegerType));
    }
}
