package io.tideway.engine.plan;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.ColumnSuggestions;
import io.tideway.engine.expr.Expression;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.DecimalType;
import io.tideway.sql.types.StructField;
import io.tideway.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a typed Dataset's encoder reads its rows (Spark's deserializer for {@code as(Encoder)}):
 * the Dataset keeps its own columns, and typed operations read the encoder's fields from them,
 * a one-field encoder (a primitive) from the only column, a bean's properties by name, each value
 * up-cast to the field's type. {@link #check} refuses, in Spark's words when {@code as} is
 * called, what cannot be read: a missing property, a primitive over several columns, a cast that
 * could lose information. Stateless.
 */
public final class EncoderAlignment {
    /** Spark's {@code Cast.numericPrecedence}: a cast up this list loses nothing. */
    private static final List<DataType> NUMERIC_PRECEDENCE = List.of(DataTypes.ByteType, DataTypes.ShortType,
            DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType);

    private EncoderAlignment() {
    }

    /**
     * Refuses an encoder whose fields {@code input} cannot give: Spark's
     * {@code [UNSUPPORTED_DESERIALIZER.FIELD_NUMBER_MISMATCH]}, {@code [UNRESOLVED_COLUMN.WITH_SUGGESTION]}
     * or {@code [CANNOT_UP_CAST_DATATYPE]}.
     *
     * @param targetClass the encoder's class, named in the up-cast error's type path
     */
    public static void check(StructType target, StructType input, Class<?> targetClass) {
        if (target.length() == 1 && target.apply(0).name().equals("value") && input.length() != 1) {
            throw Unchecked.raise(new AnalysisException("UNSUPPORTED_DESERIALIZER.FIELD_NUMBER_MISMATCH", Map.of(
                    "schema", ErrorParams.type(input), "ordinal", "1")));
        }
        for (int t = 0; t < target.length(); t++) {
            StructField want = target.apply(t);
            StructField have = input.apply(sourceOrdinal(target, input, t));
            if (!canUpCast(have.dataType(), want.dataType())) {
                throw Unchecked.raise(new AnalysisException("CANNOT_UP_CAST_DATATYPE", Map.of(
                        "expression", have.name(), "sourceType", ErrorParams.type(have.dataType()),
                        "targetType", ErrorParams.type(want.dataType()),
                        "details", "The type path of the target object is:\n- root class: \"" + targetClass.getName()
                                + "\"\nYou can either add an explicit cast to the input data or choose a higher precision "
                                + "type of the field in the target object")));
            }
        }
    }

    /**
     * Shapes {@code child} into {@code target}'s columns, the rows a typed operation reads: a
     * one-column target takes the single column by position; otherwise columns are matched by
     * name. Types that differ are cast ({@link #check} has refused the lossy ones).
     */
    public static LogicalPlan alignTo(StructType target, LogicalPlan child) {
        StructType s = child.schema();
        if (samePositions(target, s)) {
            return child; // also right when names repeat, as after a join of two same-shaped sides
        }
        List<Expression> exprs = new ArrayList<>();
        boolean identity = target.length() == s.length();
        for (int t = 0; t < target.length(); t++) {
            StructField want = target.apply(t);
            int i = sourceOrdinal(target, s, t);
            StructField f = s.apply(i);
            Expression ref = new BoundReference(i, f.dataType(), f.nullable(), f.name());
            identity &= i == t && f.dataType().equals(want.dataType());
            exprs.add(f.dataType().equals(want.dataType()) ? ref : new Alias(new Cast(ref, want.dataType()), f.name()));
        }
        return identity ? child : new Project(exprs, child);
    }

    /**
     * Shapes {@code child} into a tuple's columns, {@code _1}, {@code _2}, …, taken by position
     * whatever their names, as Spark's tuple deserializer reads them; types that differ are cast.
     */
    public static LogicalPlan alignByPosition(StructType target, LogicalPlan child) {
        StructType s = child.schema();
        if (s.length() != target.length()) {
            throw Unchecked.raise(new AnalysisException("UNSUPPORTED_DESERIALIZER.FIELD_NUMBER_MISMATCH", Map.of(
                    "schema", ErrorParams.type(s), "ordinal", String.valueOf(target.length()))));
        }
        List<Expression> exprs = new ArrayList<>();
        for (int i = 0; i < target.length(); i++) {
            StructField f = s.apply(i);
            Expression ref = new BoundReference(i, f.dataType(), f.nullable(), f.name());
            DataType want = target.apply(i).dataType();
            exprs.add(new Alias(f.dataType().equals(want) ? ref : new Cast(ref, want), target.apply(i).name()));
        }
        return new Project(exprs, child);
    }

    /** Where field {@code t} of {@code target} comes from: the only column for a one-field target, else the column of its name. */
    private static int sourceOrdinal(StructType target, StructType input, int t) {
        if (target.length() == 1 && input.length() == 1) {
            return 0;
        }
        String name = target.apply(t).name();
        int i = input.indexOf(name);
        if (i < 0) {
            List<String> proposal = ColumnSuggestions.ordered(name, input.fieldNames());
            throw Unchecked.raise(new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", Map.of(
                    "objectName", ErrorParams.id(name), "proposal", String.join(", ", proposal))));
        }
        return i;
    }

    /** Spark's {@code Cast.canUpCast}: the casts that lose no information. */
    static boolean canUpCast(DataType from, DataType to) {
        if (from.equals(to) || from == DataTypes.NullType) {
            return true;
        }
        if (to == DataTypes.StringType) {
            return !(from instanceof StructType) && !(from instanceof io.tideway.sql.types.ArrayType);
        }
        if (from == DataTypes.DateType && to == DataTypes.TimestampType) {
            return true;
        }
        int f = NUMERIC_PRECEDENCE.indexOf(from);
        int t = NUMERIC_PRECEDENCE.indexOf(to);
        if (f >= 0 && t >= 0) {
            return f < t;
        }
        if (to instanceof DecimalType d && f >= 0 && f <= 3) { // an integral type into a decimal wide enough
            int digits = new int[] {3, 5, 10, 20}[f];
            return d.precision() - d.scale() >= digits;
        }
        if (from instanceof DecimalType d && t >= 0 && t <= 3) { // a decimal without fraction into a wide enough integral
            int digits = new int[] {3, 5, 10, 20}[t];
            return d.scale() == 0 && d.precision() < digits;
        }
        if (from instanceof DecimalType a && to instanceof DecimalType b) {
            return b.scale() >= a.scale() && b.precision() - b.scale() >= a.precision() - a.scale();
        }
        return false;
    }

    private static boolean samePositions(StructType target, StructType s) {
        if (target.length() != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!target.apply(i).name().equals(s.apply(i).name()) || !target.apply(i).dataType().equals(s.apply(i).dataType())) {
                return false;
            }
        }
        return true;
    }
}
