package conformance;

import java.util.List;
import java.util.Random;

/**
 * Random SQL expressions from a fixed seed, for the differential fuzz: the same seed gives the
 * same expressions on every engine, so each engine's answer can be compared line by line. The
 * grammar covers what both engines must agree on: column references and literals of every type
 * of the fuzz table, arithmetic, comparison (also across types, which exercises implicit casts),
 * three-valued boolean logic, null tests and casts, and the function library ({@link #FUNCTIONS}):
 * math, string, conditional, predicate and date/time functions over every type. Every expression
 * is deterministic (no rand, uuid or current_*), and no argument can ask for a huge allocation
 * (no column-sized repeat or padding).
 */
public final class ExpressionFuzz {
    /** The SQL types the fuzz table has a column of; the column is the type's first letter. */
    public enum Type {
        INT("i", "int"), BIGINT("l", "bigint"), DOUBLE("d", "double"), STRING("s", "string"), BOOLEAN("b", "boolean"),
        TIMESTAMP("ts", "timestamp"), DATE("dt", "date");

        final String column;
        final String sql;

        Type(String column, String sql) {
            this.column = column;
            this.sql = sql;
        }
    }

    /** Functions by result type: a call template with one {@code %s} per argument, and the argument types. */
    private record Function(Type result, String template, List<Type> args) {
    }

    private static Function f(Type result, String template, Type... args) {
        return new Function(result, template, List.of(args));
    }

    private static final Type I = Type.INT;
    private static final Type L = Type.BIGINT;
    private static final Type D = Type.DOUBLE;
    private static final Type S = Type.STRING;
    private static final Type B = Type.BOOLEAN;
    private static final Type TS = Type.TIMESTAMP;
    private static final Type DT = Type.DATE;

    private static final List<Function> FUNCTIONS = List.of(
            // math
            f(I, "mod(%s, %s)", I, I), f(L, "mod(%s, %s)", L, I), f(I, "pmod(%s, %s)", I, I), f(D, "pmod(%s, %s)", D, D),
            f(I, "abs(%s)", I), f(L, "abs(%s)", L), f(D, "abs(%s)", D), f(I, "negative(%s)", I), f(D, "positive(%s)", D),
            f(D, "signum(%s)", D), f(D, "sign(%s)", I), f(D, "round(%s, 1)", D), f(D, "round(%s)", D), f(I, "round(%s, -1)", I),
            f(L, "bround(%s, -2)", L), f(D, "bround(%s, 2)", D), f(L, "ceil(%s)", D), f(L, "floor(%s)", D), f(L, "ceil(%s)", L),
            f(D, "rint(%s)", D), f(D, "sqrt(%s)", D), f(D, "cbrt(%s)", I), f(D, "exp(%s)", I), f(D, "ln(%s)", D),
            f(D, "log(%s)", L), f(D, "log(2, %s)", D), f(D, "log10(%s)", D), f(D, "log2(%s)", I), f(D, "log1p(%s)", D),
            f(D, "pow(%s, %s)", D, I), f(D, "power(%s, 2)", L), f(D, "sin(%s)", D), f(D, "cos(%s)", I), f(D, "tan(%s)", D),
            f(D, "atan(%s)", D), f(D, "asin(%s)", D), f(D, "tanh(%s)", D), f(D, "asinh(%s)", D), f(D, "degrees(%s)", D),
            f(D, "radians(%s)", I), f(D, "atan2(%s, %s)", D, D), f(D, "hypot(%s, %s)", D, I), f(D, "cot(%s)", D),
            f(L, "(%s div %s)", L, I), f(L, "factorial(%s)", I), f(L, "width_bucket(%s, 0, 10, 4)", D),
            f(I, "try_add(%s, %s)", I, I), f(L, "try_multiply(%s, %s)", L, L), f(L, "try_subtract(%s, %s)", L, I),
            f(D, "try_divide(%s, %s)", I, I), f(I, "try_mod(%s, %s)", I, I), f(I, "shiftleft(%s, 3)", I),
            f(L, "shiftright(%s, %s)", L, I), f(I, "(%s & %s)", I, I), f(L, "(%s | %s)", L, L), f(I, "bit_count(%s)", L),
            f(D, "nanvl(%s, %s)", D, D),
            // conditional
            f(I, "coalesce(%s, %s)", I, I), f(S, "coalesce(%s, %s, 'none')", S, S), f(D, "nvl(%s, %s)", D, D),
            f(L, "if(%s, %s, %s)", B, L, L), f(S, "if(%s, %s, %s)", B, S, S), f(I, "nullif(%s, %s)", I, I),
            f(I, "greatest(%s, %s, 0)", I, I), f(D, "least(%s, %s)", D, D), f(S, "greatest(%s, %s)", S, S),
            f(L, "nvl2(%s, %s, 0)", S, L), f(I, "zeroifnull(%s)", I), f(DT, "coalesce(%s, %s)", DT, DT),
            f(L, "case when %s then %s else %s end", B, L, L), f(S, "case %s when 1 then 'one' when 2 then 'two' else %s end", I, S),
            // string
            f(I, "length(%s)", S), f(I, "instr(%s, %s)", S, S), f(I, "locate(%s, %s)", S, S), f(I, "ascii(%s)", S),
            f(I, "octet_length(%s)", S), f(S, "upper(%s)", S), f(S, "lower(%s)", S), f(S, "concat(%s, %s)", S, S),
            f(S, "concat_ws('-', %s, %s)", S, S), f(S, "substring(%s, %s, 2)", S, I), f(S, "substr(%s, 2)", S),
            f(S, "trim(%s)", S), f(S, "ltrim(%s)", S), f(S, "reverse(%s)", S), f(S, "initcap(%s)", S),
            f(S, "replace(%s, 'a', 'xy')", S), f(S, "translate(%s, 'ael', '31')", S), f(S, "left(%s, 2)", S),
            f(S, "right(%s, %s)", S, I), f(S, "lpad(%s, 5, '*')", S), f(S, "rpad(%s, 3, 'ab')", S),
            f(S, "substring_index(%s, 'l', 1)", S), f(S, "(%s || %s)", S, S), f(S, "md5(%s)", S), f(S, "hex(%s)", L),
            f(S, "bin(%s)", L), f(S, "conv(%s, 10, 16)", S), f(S, "soundex(%s)", S), f(I, "levenshtein(%s, %s)", S, S),
            f(S, "regexp_replace(%s, '[0-9]', '#')", S), f(S, "regexp_extract(%s, '([a-z]+)', 1)", S),
            f(S, "format_string('%%s|%%d', %s, %s)", S, I), f(S, "date_format(%s, 'yyyy-MM-dd HH:mm')", TS),
            f(S, "cast(%s as string)", DT),
            // predicates
            f(B, "startswith(%s, %s)", S, S), f(B, "endswith(%s, 'o')", S), f(B, "contains(%s, %s)", S, S),
            f(B, "(%s like '%%l%%')", S), f(B, "(%s rlike '^[0-9]+$')", S), f(B, "isnan(%s)", D), f(B, "isnull(%s)", I),
            f(B, "(%s in (1, 3, 12))", I), f(B, "(%s between %s and 10)", L, L), f(B, "(%s <=> %s)", S, S),
            f(B, "equal_null(%s, %s)", D, D), f(B, "(%s not in ('a', ''))", S), f(B, "(%s ilike 'HE%%')", S),
            // date and time
            f(I, "year(%s)", DT), f(I, "month(%s)", TS), f(I, "dayofmonth(%s)", DT), f(I, "dayofweek(%s)", DT),
            f(I, "dayofyear(%s)", TS), f(I, "weekofyear(%s)", DT), f(I, "quarter(%s)", DT), f(I, "hour(%s)", TS),
            f(I, "minute(%s)", TS), f(I, "second(%s)", TS), f(I, "datediff(%s, %s)", DT, DT), f(I, "unix_date(%s)", DT),
            f(L, "unix_seconds(%s)", TS), f(L, "unix_micros(%s)", TS), f(D, "months_between(%s, %s)", TS, TS),
            f(DT, "date_add(%s, %s)", DT, I), f(DT, "date_sub(%s, 3)", DT), f(DT, "add_months(%s, %s)", DT, I),
            f(DT, "last_day(%s)", DT), f(DT, "next_day(%s, 'Mon')", DT), f(DT, "trunc(%s, 'MM')", DT), f(DT, "to_date(%s)", TS),
            f(DT, "make_date(2024, %s, 1)", I), f(TS, "date_trunc('HOUR', %s)", TS), f(TS, "timestamp_seconds(%s)", I),
            f(TS, "cast(%s as timestamp)", DT), f(DT, "cast(%s as date)", TS), f(DT, "try_add(%s, %s)", DT, I));

    /**
     * The array and map functions, each reduced to a value of a fuzz type (an element, a size, a
     * test, a text). Only fuzzes made with {@code collections} draw them, so the expressions of the
     * older seeds stay as their goldens have them.
     */
    private static final List<Function> COLLECTION_FUNCTIONS = List.of(
            f(I, "size(split(%s, 'l'))", S), f(I, "cardinality(array(%s, %s))", I, I), f(I, "array_max(array(%s, %s, 0))", I, I),
            f(I, "array_min(array(%s, %s))", I, I), f(I, "element_at(array(%s, %s, 3), 2)", I, I), f(I, "array(%s, %s)[0]", I, I),
            f(I, "size(array_distinct(array(%s, %s, %s)))", I, I, I), f(I, "size(map_keys(map('a', %s, 'b', %s)))", I, I),
            f(I, "try_element_at(sequence(1, 5), %s)", I), f(L, "array_position(array(%s, %s, 1), 1)", I, I),
            f(L, "array_max(array(%s, %s))", L, L), f(L, "element_at(array_union(array(%s), array(%s)), -1)", L, L),
            f(D, "array_min(array(%s, %s))", D, D), f(D, "element_at(array(%s, %s), 1)", D, I),
            f(S, "array_join(array_distinct(split(%s, '')), '-')", S), f(S, "array_join(sort_array(split(%s, ' ')), ',')", S),
            f(S, "cast(array(%s, %s) as string)", I, L), f(S, "cast(reverse(array(%s, %s)) as string)", S, S),
            f(S, "element_at(map('k', %s), 'k')", S), f(S, "array_join(array_remove(split(%s, 'l'), ''), '+')", S),
            f(S, "cast(slice(array(%s, %s, %s), 2, 2) as string)", I, I, I),
            f(S, "cast(array_except(array(%s, %s), array(%s)) as string)", D, D, D),
            f(S, "cast(map_values(map('a', %s)) as string)", DT), f(S, "cast(flatten(array(array(%s), array(%s))) as string)", TS, TS),
            f(S, "cast(map('x', %s, 'y', %s) as string)", L, S), f(S, "array_join(array(%s, %s), '/', '?')", S, S),
            f(B, "array_contains(array(%s, %s), %s)", I, I, I), f(B, "arrays_overlap(array(%s), array(%s, 1))", L, L),
            f(B, "map_contains_key(map(1, %s), %s)", S, I), f(B, "array_contains(split(%s, ''), 'a')", S),
            f(B, "(array(%s, %s) = array(%s, %s))", I, I, I, I), f(B, "(array(%s) < array(%s))", S, S),
            f(DT, "element_at(array(%s, %s), 2)", DT, DT), f(DT, "array_max(array(%s, %s))", DT, DT),
            f(TS, "array_min(array(%s, %s))", TS, TS));

    private static final Type[] NUMERIC = {Type.INT, Type.BIGINT, Type.DOUBLE};
    /** The types a cast to a number or a string starts from (casts from dates and timestamps to numbers Spark refuses). */
    private static final Type[] CASTABLE = {Type.INT, Type.BIGINT, Type.DOUBLE, Type.STRING, Type.BOOLEAN};
    private final Random random;
    private final List<Function> functions;

    public ExpressionFuzz(long seed) {
        this(seed, false);
    }

    /** A fuzz whose calls also draw from the array and map functions when {@code collections}. */
    public ExpressionFuzz(long seed, boolean collections) {
        random = new Random(seed);
        if (collections) {
            List<Function> all = new java.util.ArrayList<>(FUNCTIONS);
            all.addAll(COLLECTION_FUNCTIONS);
            functions = List.copyOf(all);
        } else {
            functions = FUNCTIONS;
        }
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
            case STRING -> random.nextInt(4) == 0 ? "cast(" + expr(pick(Type.values()), depth - 1) + " as string)"
                    : call(type, depth - 1);
            case BOOLEAN -> random.nextInt(3) == 0 ? call(type, depth - 1) : bool(depth - 1);
            case TIMESTAMP, DATE -> call(type, depth - 1);
        };
    }

    /** A call of a random function returning {@code type}. */
    private String call(Type type, int d) {
        List<Function> candidates = functions.stream().filter(f -> f.result == type).toList();
        Function f = candidates.get(random.nextInt(candidates.size()));
        Object[] args = new Object[f.args.size()];
        for (int a = 0; a < args.length; a++) {
            args[a] = expr(f.args.get(a), d);
        }
        return String.format(f.template, args);
    }

    private String numeric(Type type, int d) {
        int choice = random.nextInt(7);
        if (choice == 0) {
            return "cast(" + expr(pick(CASTABLE), d) + " as " + type.sql + ")";
        }
        if (choice == 1) {
            return "(- " + expr(type, d) + ")";
        }
        if (choice == 2 || choice == 3) {
            return call(type, d);
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
                Type t = random.nextInt(4) == 0 ? pick(new Type[] {Type.STRING, Type.TIMESTAMP, Type.DATE}) : pick(NUMERIC);
                boolean temporal = t == Type.TIMESTAMP || t == Type.DATE;
                Type u = !temporal && random.nextInt(4) == 0 ? pick(CASTABLE) : t;
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
            case TIMESTAMP -> pick(new String[] {"timestamp'2024-03-15 10:30:45.5'", "cast('1999-12-31 23:59:59' as timestamp)"});
            case DATE -> pick(new String[] {"date'2024-02-29'", "cast('1970-01-01' as date)", "cast(null as date)"});
        };
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
