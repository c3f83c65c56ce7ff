package io.tideway.engine.expr;

import io.tideway.QueryContext;
import io.tideway.SparkArithmeticException;
import io.tideway.SparkDateTimeException;
import io.tideway.SparkNumberFormatException;
import io.tideway.SparkRuntimeException;
import io.tideway.engine.error.ErrorParams;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors ANSI evaluation raises ({@code spark.sql.ansi.enabled}, on by default in Spark 4),
 * with Spark's conditions, parameters and exception types: overflow and division by zero are
 * {@link SparkArithmeticException}s; a malformed string is a {@link SparkNumberFormatException}
 * when cast to a number, a {@link SparkDateTimeException} to a date or timestamp, else a
 * {@link SparkRuntimeException}. Stateless.
 */
public final class ArithmeticErrors {
    private static final QueryContext[] NO_CONTEXT = new QueryContext[0];
    private static final String ANSI_CONFIG = "\"spark.sql.ansi.enabled\"";

    private ArithmeticErrors() {
    }

    /**
     * {@code [ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' ...}; {@code tryFunction} is
     * null where Spark suggests none (negation).
     */
    public static SparkArithmeticException overflow(boolean isInt, String tryFunction) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("message", isInt ? "integer overflow" : "long overflow");
        p.put("alternative", tryFunction == null ? "" : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.");
        p.put("config", ANSI_CONFIG);
        return new SparkArithmeticException("ARITHMETIC_OVERFLOW", p, NO_CONTEXT);
    }

    /**
     * {@code [ARITHMETIC_OVERFLOW] <message>.} with Spark's own message ("Overflow", "Overflow in
     * integral divide"); {@code tryFunction} is null where Spark suggests none.
     */
    public static SparkArithmeticException overflow(String message, String tryFunction) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("message", message);
        p.put("alternative", tryFunction == null ? "" : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.");
        p.put("config", ANSI_CONFIG);
        return new SparkArithmeticException("ARITHMETIC_OVERFLOW", p, NO_CONTEXT);
    }

    /** {@code [BINARY_ARITHMETIC_OVERFLOW] 127S + 1S caused overflow.} (tinyint and smallint operators). */
    public static SparkArithmeticException binaryOverflow(String value1, String symbol, String value2, String tryFunction) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("value1", value1);
        p.put("symbol", symbol);
        p.put("value2", value2);
        p.put("functionName", "`" + tryFunction + "`");
        return new SparkArithmeticException("BINARY_ARITHMETIC_OVERFLOW", p, NO_CONTEXT);
    }

    public static SparkArithmeticException divideByZero() {
        return new SparkArithmeticException("DIVIDE_BY_ZERO", Map.of("config", ANSI_CONFIG), NO_CONTEXT);
    }

    /** A number that does not fit the target type; {@code value} is the boxed source value. */
    public static SparkArithmeticException castOverflow(Object value, DataType from, DataType to) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("value", ErrorParams.value(value, from));
        p.put("sourceType", ErrorParams.type(from));
        p.put("targetType", ErrorParams.type(to));
        return new SparkArithmeticException("CAST_OVERFLOW", p, NO_CONTEXT);
    }

    /** A string that is not a value of {@code to}. */
    public static RuntimeException castInvalidInput(String text, DataType to) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("expression", ErrorParams.value(text));
        p.put("sourceType", ErrorParams.type(DataTypes.StringType));
        p.put("targetType", ErrorParams.type(to));
        if (to.isNumeric()) {
            return new SparkNumberFormatException("CAST_INVALID_INPUT", p, NO_CONTEXT);
        }
        if (to == DataTypes.DateType || to == DataTypes.TimestampType || to == DataTypes.TimestampNTZType) {
            return new SparkDateTimeException("CAST_INVALID_INPUT", p, NO_CONTEXT);
        }
        return new SparkRuntimeException("CAST_INVALID_INPUT", p);
    }
}
