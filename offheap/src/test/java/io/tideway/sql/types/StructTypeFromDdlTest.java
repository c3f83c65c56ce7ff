package io.tideway.sql.types;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StructTypeFromDdlTest {

    @Test
    void readsFieldsNestedTypesAndNotNull() {
        StructType t = StructType.fromDDL(" a INT, `b c` ARRAY<STRING> NOT NULL, s STRUCT<X: BIGINT, y double>");
        assertEquals(3, t.length());
        assertEquals(DataTypes.IntegerType, t.apply(0).dataType());
        assertEquals("b c", t.apply(1).name());
        assertEquals(new ArrayType(DataTypes.StringType, true), t.apply(1).dataType());
        assertFalse(t.apply(1).nullable());
        StructType s = (StructType) t.apply(2).dataType();
        assertEquals("X", s.apply(0).name(), "struct field names keep their case");
        assertEquals(DataTypes.LongType, s.apply(0).dataType());
        assertEquals(DataTypes.DoubleType, s.apply(1).dataType());
    }

    @Test
    void readsDecimalsWithSparksDefaultPrecision() {
        StructType t = StructType.fromDDL("a DECIMAL(10,2), b decimal, c NUMERIC(38), d dec(5, 5)");
        assertEquals(new DecimalType(10, 2), t.apply(0).dataType());
        assertEquals(new DecimalType(10, 0), t.apply(1).dataType());
        assertEquals(new DecimalType(38, 0), t.apply(2).dataType());
        assertEquals(new DecimalType(5, 5), t.apply(3).dataType());
        DdlParseException e = assertThrows(DdlParseException.class, () -> StructType.fromDDL("a DECIMAL(39,0)"));
        assertEquals("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", e.condition());
    }

    @Test
    void missingTypeIsSyntaxErrorAtEndOfInput() {
        DdlParseException e = assertThrows(DdlParseException.class, () -> StructType.fromDDL("a INT, b"));
        assertEquals("PARSE_SYNTAX_ERROR", e.condition());
        assertEquals(Map.of("error", "end of input", "hint", ""), e.messageParameters());
        assertEquals(8, e.offset());
    }

    @Test
    void missingTypeBeforeCommaIsSyntaxErrorAtTheComma() {
        DdlParseException e = assertThrows(DdlParseException.class, () -> StructType.fromDDL("a, b INT"));
        assertEquals("','", e.messageParameters().get("error"));
        assertEquals(1, e.offset());
    }

    @Test
    void unknownTypeIsUnsupportedDataTypeAtItsName() {
        DdlParseException e = assertThrows(DdlParseException.class, () -> StructType.fromDDL("a INTEGRAL"));
        assertEquals("UNSUPPORTED_DATATYPE", e.condition());
        assertEquals("\"INTEGRAL\"", e.messageParameters().get("typeName"));
        assertEquals(2, e.offset());
        DdlParseException nested = assertThrows(DdlParseException.class, () -> DataTypes.fromName("array<foo>"));
        assertEquals(6, nested.offset());
    }

    @Test
    void oneTokenAfterATypeIsExtraInputAndWinsOverAnUnknownName() {
        DdlParseException e = assertThrows(DdlParseException.class, () -> DataTypes.fromName("nonsense type"));
        assertEquals("PARSE_SYNTAX_ERROR", e.condition());
        assertEquals(Map.of("error", "'type'", "hint", ": extra input 'type'"), e.messageParameters());
        assertEquals(9, e.offset());
        DdlParseException two = assertThrows(DdlParseException.class, () -> DataTypes.fromName("int a b"));
        assertEquals(Map.of("error", "'a'", "hint", ""), two.messageParameters());
    }
}
