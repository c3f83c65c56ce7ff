package io.tideway.engine.expr.fn;

import io.tideway.types.variant.Variant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema of a variant as {@code schema_of_variant} prints it (Spark's {@code SchemaOfVariant}):
 * SQL type names, objects as {@code OBJECT<key: type, ...>} with keys in order, arrays as
 * {@code ARRAY<t>} of the merged element types; integers are {@code BIGINT}, decimals at their
 * stripped precision and scale; types that do not merge become {@code VARIANT}. Immutable nodes;
 * {@code schema_of_variant_agg} keeps a merged schema as the bytes of {@link #encode}.
 */
public final class VariantSchema {
    /** A type: {@code name} for a scalar, else an object's fields or an array's element. */
    private record Node(String name, List<String> keys, List<Node> fields, Node element, int precision, int scale)
            implements java.io.Serializable {
        static Node scalar(String name) {
            return new Node(name, null, null, null, 0, 0);
        }

        static Node decimal(int p, int s) {
            return new Node("DECIMAL", null, null, null, p, s);
        }
    }

    private static final Node VOID = Node.scalar("VOID");
    private static final Node VARIANT = Node.scalar("VARIANT");
    private static final Node BIGINT = Node.scalar("BIGINT");
    private static final Node DOUBLE = Node.scalar("DOUBLE");

    private VariantSchema() {
    }

    static String of(Variant v) {
        StringBuilder sb = new StringBuilder();
        print(sb, schema(v));
        return sb.toString();
    }

    /** The schema of {@code v} as state bytes for {@code schema_of_variant_agg}. */
    public static byte[] encode(Variant v) {
        return bytes(schema(v));
    }

    /** Two schemas' state bytes merged. */
    public static byte[] merge(byte[] a, byte[] b) {
        return bytes(merge(node(a), node(b)));
    }

    /** The SQL text of a schema's state bytes; {@code VOID} for none. */
    public static String text(byte[] state) {
        StringBuilder sb = new StringBuilder();
        print(sb, state == null ? VOID : node(state));
        return sb.toString();
    }

    private static byte[] bytes(Node n) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(out)) {
            o.writeObject(n);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Node node(byte[] b) {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(b))) {
            return (Node) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("schema_of_variant_agg state unreadable", e);
        }
    }

    private static Node schema(Variant v) {
        switch (v.kind()) {
            case OBJECT: {
                List<String> keys = new ArrayList<>();
                List<Node> fields = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    keys.add(v.fieldKey(i));
                    fields.add(schema(v.fieldValue(i)));
                }
                return new Node("OBJECT", keys, fields, null, 0, 0);
            }
            case ARRAY: {
                Node element = VOID;
                for (int i = 0; i < v.size(); i++) {
                    element = merge(element, schema(v.element(i)));
                }
                return new Node("ARRAY", null, null, element, 0, 0);
            }
            case NULL:
                return VOID;
            case BOOLEAN:
                return Node.scalar("BOOLEAN");
            case LONG:
                return BIGINT;
            case STRING:
                return Node.scalar("STRING");
            case DOUBLE:
                return DOUBLE;
            case DECIMAL: {
                BigDecimal d = v.getDecimal();
                if (d.scale() < 0) {
                    d = d.setScale(0);
                }
                return Node.decimal(Math.max(d.precision(), d.scale()), d.scale());
            }
            case DATE:
                return Node.scalar("DATE");
            case TIMESTAMP:
                return Node.scalar("TIMESTAMP");
            case TIMESTAMP_NTZ:
                return Node.scalar("TIMESTAMP_NTZ");
            case FLOAT:
                return Node.scalar("FLOAT");
            case BINARY:
                return Node.scalar("BINARY");
            default:
                return Node.scalar("UUID");
        }
    }

    /** Spark's {@code JsonInferSchema.compatibleType} with VARIANT where nothing fits. */
    static Node merge(Node a, Node b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.name.equals("VOID")) {
            return b;
        }
        if (b.name.equals("VOID")) {
            return a;
        }
        String x = a.name;
        String y = b.name;
        if (x.equals("OBJECT") && y.equals("OBJECT")) {
            return mergeObjects(a, b);
        }
        if (x.equals("ARRAY") && y.equals("ARRAY")) {
            return new Node("ARRAY", null, null, merge(a.element, b.element), 0, 0);
        }
        if (x.equals("DECIMAL") && y.equals("DECIMAL")) {
            int scale = Math.max(a.scale, b.scale);
            int range = Math.max(a.precision - a.scale, b.precision - b.scale);
            return range + scale > 38 ? DOUBLE : Node.decimal(range + scale, scale);
        }
        if (x.equals("DECIMAL") && y.equals("BIGINT")) {
            return merge(a, Node.decimal(20, 0));
        }
        if (x.equals("BIGINT") && y.equals("DECIMAL")) {
            return merge(Node.decimal(20, 0), b);
        }
        if ((x.equals("DOUBLE") || x.equals("BIGINT") || x.equals("DECIMAL"))
                && (y.equals("DOUBLE") || y.equals("BIGINT") || y.equals("DECIMAL"))) {
            return DOUBLE;
        }
        return VARIANT;
    }

    private static Node mergeObjects(Node a, Node b) {
        List<String> keys = new ArrayList<>();
        List<Node> fields = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.keys.size() || j < b.keys.size()) {
            int cmp = i == a.keys.size() ? 1 : j == b.keys.size() ? -1 : a.keys.get(i).compareTo(b.keys.get(j));
            if (cmp < 0) {
                keys.add(a.keys.get(i));
                fields.add(a.fields.get(i++));
            } else if (cmp > 0) {
                keys.add(b.keys.get(j));
                fields.add(b.fields.get(j++));
            } else {
                keys.add(a.keys.get(i));
                fields.add(merge(a.fields.get(i++), b.fields.get(j++)));
            }
        }
        return new Node("OBJECT", keys, fields, null, 0, 0);
    }

    private static void print(StringBuilder sb, Node n) {
        switch (n.name) {
            case "OBJECT" -> {
                sb.append("OBJECT<");
                for (int i = 0; i < n.keys.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(quoteIfNeeded(n.keys.get(i))).append(": ");
                    print(sb, n.fields.get(i));
                }
                sb.append('>');
            }
            case "ARRAY" -> {
                sb.append("ARRAY<");
                print(sb, n.element);
                sb.append('>');
            }
            case "DECIMAL" -> sb.append("DECIMAL(").append(n.precision).append(',').append(n.scale).append(')');
            default -> sb.append(n.name);
        }
    }

    /** Spark's {@code QuotingUtils.quoteIfNeeded}: backquotes unless a plain identifier. */
    private static String quoteIfNeeded(String key) {
        if (key.matches("[a-zA-Z0-9_]+") && !key.matches("\\d+")) {
            return key;
        }
        return "`" + key.replace("`", "``") + "`";
    }
}
