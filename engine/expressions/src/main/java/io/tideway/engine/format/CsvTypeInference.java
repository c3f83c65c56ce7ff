package io.tideway.engine.format;

import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

/**
 * The type of one CSV token, as Spark's {@code CSVInferSchema.inferField}: tried in Spark's order
 * from the type so far ({@code int}, {@code bigint}, {@code double}, {@code date},
 * {@code timestamp}, {@code boolean}, else {@code string}) and merged with it; shared by the CSV
 * source's schema inference and {@code schema_of_csv}. Stateless.
 */
public final class CsvTypeInference {
    private CsvTypeInference() {
    }

    /** Spark's {@code inferField}: the type of {@code token} tried from {@code soFar}, merged with it. */
    public static DataType infer(DataType soFar, String token, String nullValue, TimestampParser timestamps) {
        if (token == null || token.isEmpty() || token.equals(nullValue)) {
            return soFar;
        }
        DataType t;
        if (soFar == DataTypes.NullType || soFar == DataTypes.IntegerType) {
            t = fromInteger(token, timestamps);
        } else if (soFar == DataTypes.LongType) {
            t = fromLong(token, timestamps);
        } else if (soFar == DataTypes.DoubleType) {
            t = fromDouble(token, timestamps);
        } else if (soFar == DataTypes.DateType) {
            t = fromDate(token, timestamps);
        } else if (soFar == DataTypes.TimestampType) {
            t = fromTimestamp(token, timestamps);
        } else if (soFar == DataTypes.BooleanType) {
            t = fromBoolean(token);
        } else {
            return DataTypes.StringType;
        }
        return compatible(soFar, t);
    }

    private static DataType fromInteger(String s, TimestampParser ts) {
        try {
            Integer.parseInt(s);
            return DataTypes.IntegerType;
        } catch (NumberFormatException e) {
            return fromLong(s, ts);
        }
    }

    private static DataType fromLong(String s, TimestampParser ts) {
        try {
            Long.parseLong(s);
            return DataTypes.LongType;
        } catch (NumberFormatException e) {
            return fromDouble(s, ts);
        }
    }

    private static DataType fromDouble(String s, TimestampParser ts) {
        if (s.equals("NaN") || s.equals("Inf") || s.equals("-Inf")) {
            return DataTypes.DoubleType;
        }
        try {
            Double.parseDouble(s);
            return DataTypes.DoubleType;
        } catch (NumberFormatException e) {
            return fromDate(s, ts);
        }
    }

    private static DataType fromDate(String s, TimestampParser ts) {
        try {
            ts.date(s);
            return DataTypes.DateType;
        } catch (RuntimeException e) {
            return fromTimestamp(s, ts);
        }
    }

    private static DataType fromTimestamp(String s, TimestampParser ts) {
        try {
            ts.timestamp(s);
            return DataTypes.TimestampType;
        } catch (RuntimeException e) {
            return fromBoolean(s);
        }
    }

    private static DataType fromBoolean(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") ? DataTypes.BooleanType : DataTypes.StringType;
    }

    /** Spark's {@code CSVInferSchema.compatibleType}: numeric widening, date to timestamp, else string. */
    private static DataType compatible(DataType a, DataType b) {
        if (a.equals(b) || a == DataTypes.NullType) {
            return b;
        }
        if (b == DataTypes.NullType) {
            return a;
        }
        int ra = numericRank(a);
        int rb = numericRank(b);
        if (ra >= 0 && rb >= 0) {
            return ra > rb ? a : b;
        }
        if ((a == DataTypes.DateType && b == DataTypes.TimestampType) || (a == DataTypes.TimestampType && b == DataTypes.DateType)) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    private static int numericRank(DataType t) {
        return t == DataTypes.IntegerType ? 0 : t == DataTypes.LongType ? 1 : t == DataTypes.DoubleType ? 2 : -1;
    }
}
