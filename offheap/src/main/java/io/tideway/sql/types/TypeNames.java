package io.tideway.sql.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses type names ({@code int}, {@code bigint}, {@code array<string>}) and DDL field lists. */
final class TypeNames {
    private TypeNames() {
    }

    static DataType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("array<") && n.endsWith(">")) {
            return new ArrayType(parse(n.substring(6, n.length() - 1)), true);
        }
        if (n.startsWith("struct<") && n.endsWith(">")) {
            return parseFields(n.substring(7, n.length() - 1).replace(':', ' '));
        }
        return switch (n) {
            case "boolean" -> DataTypes.BooleanType;
            case "int", "integer" -> DataTypes.IntegerType;
            case "bigint", "long" -> DataTypes.LongType;
            case "double" -> DataTypes.DoubleType;
            case "string" -> DataTypes.StringType;
            case "binary" -> DataTypes.BinaryType;
            case "timestamp" -> DataTypes.TimestampType;
            case "date" -> DataTypes.DateType;
            case "void", "null" -> DataTypes.NullType;
            default -> throw new IllegalArgumentException("Unsupported data type: " + name.trim());
        };
    }

    static StructType parseFields(String ddl) {
        List<StructField> fields = new ArrayList<>();
        for (String part : splitTopLevel(ddl)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int space = p.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("Cannot parse field '" + p + "' in DDL: " + ddl);
            }
            String name = p.substring(0, space).replace("`", "");
            String type = p.substring(space + 1).trim();
            boolean nullable = true;
            if (type.toUpperCase(Locale.ROOT).endsWith(" NOT NULL")) {
                nullable = false;
                type = type.substring(0, type.length() - " NOT NULL".length());
            }
            fields.add(new StructField(name, parse(type), nullable));
        }
        return StructType.of(fields);
    }

    /** Splits on commas that are not inside angle brackets. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
