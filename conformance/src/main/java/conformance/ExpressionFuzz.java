package conformance;

import java.util.List;
import java.util.Random;

/**
 * Random SQL expressions from a fixed seed, for the differential fuzz: the same seed gives the
 * same expressions on every engine, so each engine's answer can be compared line by line. The
 * grammar covers what both engines must agree on: column references and literals of every type
 * of the fuzz table, arithmetic, comparison (also across types, which exercises implicit casts),
 * three-valued boolean logic, null tests and casts. Functions join the grammar as the function
 * library grows ({@link #FUNCTIONS}).
 */
public final class ExpressionFuzz {
    /** The SQL types the fuzz table has a column of; the column is the type's first letter. */
    public enum Type {
        INT("i", "int"), BIGINT("l", "bigint"), DOUBLE("d", "double"), STRING("s", "string"), BOOLEAN("b", "boolean");

        final String column;
        final String sql;

        Type(String column, String sql) {
            this.column = column;
            this.sql = sql;
        }
    }

    /** Functions by result type: name and argument types. */
    private record Function(Type result, String name, List<Type> args) {
    }

    private static final List<Function> FUNCTIONS = List.of(
            new Function(Type.INT, "mod", List.of(Type.INT, Type.INT)),
            new Function(Type.BIGINT, "mod", List.of(Type.BIGINT, Type.INT)));

    private static final Type[] NUMERIC = {Type.INT, Type.BIGINT, Type.DOUBLE};
    private final Random random;

    public ExpressionFuzz(long seed) {
        random = new Random(seed);
    }

    /** The next expression, of a random type, nested at most {@code depth} deep; never a bare leaf. */
    public String next(int depth) {
        return compound(pick(Type.values()), depth);
    }

    private String expr(Type type, int depth) {
        if (depth <= 0 || random.nextInt(4) == 0) {
            return leaf(type);
        }
        return compound(type, depth);
    }

    private String compound(Type type, int depth) {
        return switch (type) {
            case INT, BIGINT, DOUBLE -> numeric(type, depth - 1);
            case STRING -> "cast(" + expr(pick(Type.values()), depth - 1) + " as string)";
            case BOOLEAN -> bool(depth - 1);
        };
    }

    private String numeric(Type type, int d) {
        int choice = random.nextInt(7);
        if (choice == 0) {
            return "cast(" + expr(pick(Type.values()), d) + " as " + type.sql + ")";
        }
        if (choice == 1) {
            return "(- " + expr(type, d) + ")";
        }
        if (choice == 2) {
            for (Function f : FUNCTIONS) {
                if (f.result == type && random.nextBoolean()) {
                    StringBuilder call = new StringBuilder(f.name).append('(');
                    for (int a = 0; a < f.args.size(); a++) {
                        call.append(a > 0 ? ", " : "").append(expr(f.args.get(a), d));
                    }
                    return call.append(')').toString();
                }
            }
        }
        // % by a zero row fails the whole expression under ANSI: rarer, so other divergences show
        String op = pick(new String[] {"+", "-", "*", "+", "-", "*", "%"});
        // the right operand's type is at most as wide as the result's, so the result keeps its type
        Type right = type == Type.INT ? Type.INT : pick(type == Type.BIGINT ? new Type[] {Type.INT, Type.BIGINT} : NUMERIC);
        if (type == Type.DOUBLE && random.nextInt(3) == 0) {
            return "(" + expr(pick(NUMERIC), d) + " / " + expr(pick(NUMERIC), d) + ")";
        }
        return "(" + expr(type, d) + " " + op + " " + expr(right, d) + ")";
    }

    private String bool(int d) {
        switch (random.nextInt(5)) {
            case 0: {
                Type t = random.nextInt(4) == 0 ? Type.STRING : pick(NUMERIC);
                Type u = random.nextInt(4) == 0 ? pick(Type.values()) : t;
                return "(" + expr(t, d) + " " + pick(new String[] {"=", "<>", "<", "<=", ">", ">="}) + " " + expr(u, d) + ")";
            }
            case 1:
                return "(" + expr(Type.BOOLEAN, d) + " " + pick(new String[] {"and", "or"}) + " " + expr(Type.BOOLEAN, d) + ")";
            case 2:
                return "(not " + expr(Type.BOOLEAN, d) + ")";
            case 3:
                return "(" + expr(pick(Type.values()), d) + (random.nextBoolean() ? " is null)" : " is not null)");
            default:
                return "cast(" + expr(pick(new Type[] {Type.INT, Type.STRING}), d) + " as boolean)";
        }
    }

    private String leaf(Type type) {
        if (random.nextInt(3) != 0) {
            return type.column;
        }
        return switch (type) {
            case INT -> Integer.toString(random.nextInt(21) - 5);
            case BIGINT -> pick(new String[] {"3000000000", "-3000000000", "cast(7 as bigint)"});
            case DOUBLE -> pick(new String[] {"cast(2.5 as double)", "cast(-0.5 as double)", "cast(0 as double)", "cast(1e10 as double)"});
            case STRING -> pick(new String[] {"'abc'", "''", "'12'", "' 7 '", "'true'", "'2.50'", "'x y'"});
            case BOOLEAN -> pick(new String[] {"true", "false", "cast(null as boolean)"});
        };
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
