package io.tideway.engine.expr.sql;

import io.tideway.engine.error.ErrorParams;
import io.tideway.engine.error.Unchecked;
import io.tideway.engine.expr.CurrentOrigin;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Origin;
import io.tideway.engine.expr.fn.FunctionRegistry;
import io.tideway.sql.AnalysisException;
import io.tideway.sql.Column;
import io.tideway.sql.catalyst.parser.ParseException;
import io.tideway.sql.functions;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@link SqlNode} tree Calcite parsed into our {@link Column} tree, using the same
 * builders as the Java API ({@code Column.plus}, {@code functions.count}, ...) so that
 * {@code expr("v * 2")} and {@code col("v").multiply(2)} are the same tree with the same name.
 * One instance per parse; not shared between threads.
 */
public final class SqlNodeTranslator {
    private final SourceText src;
    /** The API the text came through, {@code expr()} or {@code sql()}, as error messages name it. */
    private final String api;
    /**
     * SQL's parenthesis-free function names, which Calcite reads as identifiers: calls when the
     * registry has them, else Spark's {@code UNRESOLVED_ROUTINE}. ({@code USER} is not here: Spark
     * lets it name a column.)
     */
    private static final Set<String> NILADIC = Set.of("CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME",
            "CURRENT_USER", "SESSION_USER", "SYSTEM_USER"); // Spark reads a bare LOCALTIMESTAMP as a column

    public SqlNodeTranslator(SourceText src, String api) {
        this.src = src;
        this.api = api;
    }

    /** The windows a query's {@code WINDOW w AS (...)} clause names, which {@code OVER w} refers to. */
    private final Map<String, org.apache.calcite.sql.SqlWindow> namedWindows = new java.util.HashMap<>();

    /** Makes the windows of a {@code WINDOW} clause known to {@code OVER w} in the expressions translated next. */
    public void defineWindows(org.apache.calcite.sql.SqlNodeList windows) {
        for (SqlNode n : windows) {
            org.apache.calcite.sql.SqlWindow w = (org.apache.calcite.sql.SqlWindow) n;
            namedWindows.put(w.getDeclName().getSimple().toLowerCase(Locale.ROOT), w);
        }
    }

    /** {@code f(...) OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ...)} or {@code OVER w}. */
    private Column over(SqlBasicCall c) {
        SqlNode call = c.operand(0);
        boolean ignoreNulls = call.getKind() == SqlKind.IGNORE_NULLS;
        if (ignoreNulls || call.getKind() == SqlKind.RESPECT_NULLS) { // f(x) IGNORE NULLS OVER (...)
            call = ((SqlCall) call).operand(0);
        }
        Expression function = translate(call).expr();
        if (ignoreNulls) {
            function = ignoringNulls(function, c.operand(0));
        }
        SqlNode spec = c.operand(1);
        org.apache.calcite.sql.SqlWindow w = spec instanceof org.apache.calcite.sql.SqlWindow sw ? sw : null;
        if (spec instanceof SqlIdentifier id || w != null && w.getRefName() != null && w.getPartitionList().isEmpty()
                && w.getOrderList().isEmpty() && w.getLowerBound() == null) {
            String name = spec instanceof SqlIdentifier id ? id.getSimple() : w.getRefName().getSimple();
            w = namedWindows.get(name.toLowerCase(Locale.ROOT));
            if (w == null) {
                throw unsupported("the window " + name + " without a WINDOW clause defining it", spec);
            }
        }
        if (w == null || w.getRefName() != null) {
            throw unsupported("this window specification", spec);
        }
        List<Expression> partition = new ArrayList<>();
        for (SqlNode p : w.getPartitionList()) {
            partition.add(translate(p).expr());
        }
        List<io.tideway.engine.expr.SortOrder> order = sortOrders(w.getOrderList());
        io.tideway.engine.expr.window.WindowFrame frame = null;
        if (w.getLowerBound() != null) {
            frame = new io.tideway.engine.expr.window.WindowFrame(w.isRows(), frameBound(w.getLowerBound()),
                    w.getUpperBound() == null ? io.tideway.engine.expr.window.FrameBound.CURRENT_ROW : frameBound(w.getUpperBound()));
        }
        return new Column(new io.tideway.engine.expr.window.WindowExpression(function,
                new io.tideway.engine.expr.window.WindowSpecDefinition(partition, order, frame)));
    }

    /** {@code function} skipping nulls, for the functions that take {@code IGNORE NULLS}. */
    private Expression ignoringNulls(Expression function, SqlNode at) {
        if (function instanceof io.tideway.engine.expr.window.OffsetWindowFunction f) {
            return f.ignoringNulls();
        }
        if (function instanceof io.tideway.engine.expr.window.NthValue f) {
            return f.ignoringNulls();
        }
        if (function instanceof io.tideway.engine.expr.agg.FirstLast f) {
            // Spark's parser makes first_value(x) IGNORE NULLS its First(x, true), named first(x)
            String name = f.name().startsWith("last") ? "last" : f.name().startsWith("first") ? "first" : f.name();
            return new io.tideway.engine.expr.agg.FirstLast(name, f.input(), true);
        }
        throw unsupported("IGNORE NULLS after " + function.sql(), at);
    }

    private io.tideway.engine.expr.window.FrameBound frameBound(SqlNode b) {
        if (org.apache.calcite.sql.SqlWindow.isUnboundedPreceding(b)) {
            return io.tideway.engine.expr.window.FrameBound.UNBOUNDED_PRECEDING;
        }
        if (org.apache.calcite.sql.SqlWindow.isUnboundedFollowing(b)) {
            return io.tideway.engine.expr.window.FrameBound.UNBOUNDED_FOLLOWING;
        }
        if (org.apache.calcite.sql.SqlWindow.isCurrentRow(b)) {
            return io.tideway.engine.expr.window.FrameBound.CURRENT_ROW;
        }
        if (b instanceof SqlCall call && call.operand(0) instanceof SqlNumericLiteral n && n.isExact()) {
            return io.tideway.engine.expr.window.FrameBound.ofSql(n.bigDecimalValue().longValueExact(),
                    call.getKind() == SqlKind.PRECEDING);
        }
        if (b instanceof SqlCall call && translate(call.operand(0)).expr() instanceof io.tideway.engine.expr.Literal l
                && l.dataType() instanceof io.tideway.sql.types.DayTimeIntervalType && l.value() != null) {
            return io.tideway.engine.expr.window.FrameBound.ofInterval(io.tideway.engine.row.TemporalValues.toLong(l.value()),
                    l.sql(), call.getKind() == SqlKind.PRECEDING);
        }
        throw unsupported("this window frame bound", b);
    }

    /**
     * The column for {@code n}; every node built for it takes {@code n}'s {@link Origin}, so that
     * analysis errors point where the user wrote it.
     */
    public Column translate(SqlNode n) {
        return CurrentOrigin.withOrigin(originOf(n), () -> translateHere(n));
    }

    private Column translateHere(SqlNode n) {
        if (n instanceof SqlIdentifier id) {
            return identifier(id);
        }
        if (n instanceof SqlNumericLiteral num) {
            // Calcite folds the '-' SparkOperators wrote for ~ and ! into a negative number
            char first = charAt(num);
            if (first == '~' || first == '!') {
                Column value = numeric(num, true);
                return first == '~' ? registry("~", value) : functions.not(value);
            }
            char suffix = charAfter(num);
            if (first == '-' && num.bigDecimalValue().signum() == 0 && (!num.isExact() || suffix == 'D' || suffix == 'd')) {
                return functions.lit(-0.0); // Calcite's folded -0.0 lost its sign
            }
            return numeric(num, false);
        }
        if (n instanceof SqlCharStringLiteral s) {
            String value = ((NlsString) s.getValue()).getValue();
            int at = offset(s.getParserPosition());
            boolean raw = at > 0 && SparkOperators.rawPrefix(src.original(), at - 1);
            if (at < src.original().length() && src.original().charAt(at) == '"') {
                value = SparkOperators.doubleQuoted(src.original(), at); // Calcite saw it with its ' blanked
            }
            return functions.lit(raw ? value : unescape(value));
        }
        if (n instanceof SqlLiteral l) {
            return literal(l);
        }
        if (n instanceof org.apache.calcite.sql.SqlLambda l) {
            return lambda(l);
        }
        if (n instanceof SqlBasicCall c && c.getFunctionQuantifier() == null) {
            return call(c);
        }
        if (n instanceof org.apache.calcite.sql.fun.SqlCase c) {
            return caseWhen(c);
        }
        if (n instanceof SqlBasicCall c && c.getOperator() instanceof SqlFunction) {
            return quantified(c);
        }
        if (n instanceof SqlCall c) {
            SqlLiteral quantifier = c.getFunctionQuantifier();
            throw unsupported(c.getOperator().getName() + (quantifier == null ? "" : " " + quantifier), n);
        }
        throw unsupported("this syntax", n);
    }

    /** {@code (x, i) -> body}: the body's bare names {@code x}, {@code i} become the lambda's variables (any case, as Spark). */
    private Column lambda(org.apache.calcite.sql.SqlLambda l) {
        List<String> names = new ArrayList<>();
        for (SqlNode p : l.getParameters()) {
            names.add(((SqlIdentifier) p).getSimple());
        }
        Expression body = translate(l.getExpression()).expr();
        // Spark places the lambda at its first variable, or at the parenthesis before several
        int at = offset(l.getParameters().get(0).getParserPosition());
        if (names.size() > 1) {
            at = src.original().lastIndexOf('(', at);
        }
        Origin origin = Origin.at(src.original(), at);
        return CurrentOrigin.withOrigin(origin, () -> new Column(io.tideway.engine.expr.LambdaFunction.of(names, vars -> body.transformUp(x -> {
            if (x instanceof io.tideway.engine.expr.UnresolvedAttribute a && !a.isStar()) {
                for (io.tideway.engine.expr.LambdaVariable v : vars) {
                    if (v.name().equalsIgnoreCase(a.name())) {
                        return v;
                    }
                }
            }
            return x;
        }))));
    }

    private Column identifier(SqlIdentifier id) {
        if (id.isStar()) {
            if (id.names.size() == 1) {
                return functions.col("*");
            }
            // p.*: every field of struct p (or every column of p's relation), expanded by the projection
            return functions.col(String.join(".", id.names.subList(0, id.names.size() - 1)) + ".*");
        }
        if (id.names.size() == 1 && !id.isComponentQuoted(0)) {
            io.tideway.engine.expr.Literal interval = TypedLiterals.at(src.original(), offset(id.getParserPosition()));
            if (interval != null) { // a placeholder TypedLiterals wrote for Calcite
                return new Column(interval);
            }
            String upper = id.getSimple().toUpperCase(Locale.ROOT);
            if (NILADIC.contains(upper)) {
                return new Column(FunctionRegistry.call(upper, List.of()));
            }
        }
        return functions.col(String.join(".", id.names));
    }

    /**
     * Spark 4's {@code value::type}, which {@link SparkClauses} wrote as the element access
     * {@code value[____]}: the type read back from the user's text, or null when {@code index} is
     * a real index.
     */
    private DataType colonCastType(SqlNode index) {
        if (!(index instanceof SqlIdentifier id) || !id.isSimple() || id.getSimple().chars().anyMatch(ch -> ch != '_')) {
            return null;
        }
        int at = offset(id.getParserPosition());
        String text = src.original();
        if (at < 1 || !text.startsWith("::", at - 1)) {
            return null;
        }
        int start = at + 1;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return typeFromText(text.substring(start, at + 1 + id.getSimple().length()), start);
    }

    /**
     * The type written at {@code start} of the user's text, with Spark's errors: a syntax error in a
     * STRUCT/ARRAY/MAP type is reported at its first {@code <} (where Spark's rule gives up), the
     * others without a position, as Spark's type visitor raises them.
     */
    private DataType typeFromText(String typeText, int start) {
        try {
            return DataTypes.fromName(typeText);
        } catch (io.tideway.sql.types.DdlParseException e) {
            int open = typeText.indexOf('<');
            if (e.condition().equals("PARSE_SYNTAX_ERROR")) {
                throw open < 0
                        ? Unchecked.raise(new ParseException(e.condition(), e.messageParameters(), src.original(), start + e.offset(), null))
                        : Unchecked.raise(new ParseException(e.condition(), Map.of("error", "'<'", "hint", ": missing ')'"),
                                src.original(), start + open, null));
            }
            if (e.condition().equals("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION")) {
                throw new io.tideway.SparkArithmeticException(e.condition(), e.messageParameters(),
                        new io.tideway.QueryContext[0]);
            }
            throw Unchecked.raise(new ParseException(e.condition(), e.messageParameters()));
        }
    }

    private Column literal(SqlLiteral l) {
        switch (l.getTypeName()) {
            case NULL:
                return functions.lit(null);
            case BOOLEAN:
                if (l.getValue() == null) {
                    throw unsupported("UNKNOWN", l);
                }
                return functions.lit(l.booleanValue());
            case UNKNOWN: // DATE'...' written without a space reaches here untyped
                if (l instanceof SqlUnknownLiteral u) {
                    Column typed = typedLiteral(u.tag, u.getValue());
                    if (typed != null) {
                        return typed;
                    }
                }
                throw unsupported("typed literals such as TIMESTAMP '...'", l);
            case DATE:
            case TIMESTAMP: {
                Column typed = typedLiteral(l.getTypeName().getName(), l.toValue());
                if (typed != null) {
                    return typed;
                }
                throw unsupported("this " + l.getTypeName().getName() + " literal", l);
            }
            case BINARY:
                return functions.lit(l.getValueAs(org.apache.calcite.util.BitString.class).getAsByteArray());
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND:
                // Calcite gives a day-time interval's value in milliseconds
                return new Column(new io.tideway.engine.expr.Literal(l.getValueAs(Long.class) * 1000L,
                        io.tideway.sql.types.DataTypes.DayTimeIntervalType));
            default:
                throw unsupported(l.getTypeName().getName() + " literals", l);
        }
    }

    /** Spark's {@code interval 1 hour}: a number of one day-time unit. */
    private Column interval(SqlNumericLiteral n, org.apache.calcite.sql.SqlIntervalQualifier q, SqlNode at) {
        long micros = switch (q.getUnit()) {
            case DAY -> 86_400_000_000L;
            case HOUR -> 3_600_000_000L;
            case MINUTE -> 60_000_000L;
            case SECOND -> 1_000_000L;
            case MILLISECOND -> 1_000L;
            case MICROSECOND -> 1L;
            default -> throw unsupported(q.getUnit() + " intervals", at);
        };
        if (q.getEndUnit() != null && q.getEndUnit() != q.getUnit()) {
            throw unsupported("multi-unit intervals", at);
        }
        java.math.BigDecimal v = n.bigDecimalValue().multiply(java.math.BigDecimal.valueOf(micros));
        return new Column(new io.tideway.engine.expr.Literal(v.longValue(), io.tideway.sql.types.DataTypes.DayTimeIntervalType));
    }

    /**
     * As Spark reads a number: an integer is an int if it fits, else a bigint, else a decimal; a
     * number with a point is a decimal of its digits ({@code 2.50} is decimal(3,2)), with an exponent
     * a double; the suffixes {@code Y}, {@code S}, {@code L}, {@code F}, {@code D} and {@code BD} say tinyint,
     * smallint, bigint, float, double and decimal.
     */
    private Column numeric(SqlNumericLiteral num, boolean negate) {
        BigDecimal v = num.bigDecimalValue();
        v = negate ? v.negate() : v;
        // Spark's 10L and 2.5D (SparkOperators blanked the suffix for Calcite)
        char suffix = charAfter(num);
        if (suffix == 'L' || suffix == 'l') {
            return functions.lit(v.longValueExact());
        }
        if (suffix == 'B' || suffix == 'b') {
            return new Column(io.tideway.engine.expr.Literal.decimal(v));
        }
        if (suffix == 'Y' || suffix == 'y') {
            return functions.lit(v.byteValueExact());
        }
        if (suffix == 'S' || suffix == 's') {
            return functions.lit(v.shortValueExact());
        }
        if (suffix == 'F' || suffix == 'f') {
            float f = num.bigDecimalValue().floatValue();
            return functions.lit(negate ? -f : f);
        }
        if (suffix == 'D' || suffix == 'd' || !num.isExact()) {
            double d = num.bigDecimalValue().doubleValue(); // negated as a double, so -0.0 stays negative
            return functions.lit(negate ? -d : d);
        }
        if (num.isExact() && v.scale() <= 0) {
            if (v.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0 && v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return functions.lit(v.intValueExact());
            }
            if (v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return functions.lit(v.longValueExact());
            }
        }
        return new Column(io.tideway.engine.expr.Literal.decimal(v));
    }

    /** {@code ORDER BY} keys: {@code k [ASC|DESC] [NULLS FIRST|LAST]}, nulls first when ascending unless written. */
    private List<io.tideway.engine.expr.SortOrder> sortOrders(org.apache.calcite.sql.SqlNodeList keys) {
        List<io.tideway.engine.expr.SortOrder> order = new ArrayList<>();
        for (SqlNode raw : keys) {
            SqlNode n = raw;
            boolean descending = false;
            Boolean nullsFirst = null;
            for (boolean more = true; more; ) {
                switch (n.getKind()) {
                    case DESCENDING -> descending = true;
                    case NULLS_FIRST -> nullsFirst = true;
                    case NULLS_LAST -> nullsFirst = false;
                    default -> more = false;
                }
                n = more ? ((SqlCall) n).operand(0) : n;
            }
            order.add(new io.tideway.engine.expr.SortOrder(translate(n).expr(), descending,
                    nullsFirst == null ? !descending : nullsFirst));
        }
        return order;
    }

    /**
     * {@code f(...) WITHIN GROUP (ORDER BY ...)}: an ordered listagg, or one of the ordered-set
     * aggregates {@code percentile_cont}, {@code percentile_disc} and {@code mode}; Spark refuses it
     * for other functions.
     */
    private Column withinGroup(SqlBasicCall c) {
        SqlCall function = (SqlCall) c.operand(0);
        String written = nameAsWritten(function);
        if (io.tideway.engine.expr.agg.OrderedSetAggregates.handles(written)) {
            List<Expression> args = new ArrayList<>();
            for (SqlNode o : function.getOperandList()) {
                args.add(translate(o).expr());
            }
            boolean distinct = function.getFunctionQuantifier() != null && function.getFunctionQuantifier().getValue()
                    == org.apache.calcite.sql.SqlSelectKeyword.DISTINCT;
            List<io.tideway.engine.expr.SortOrder> keys = sortOrders((org.apache.calcite.sql.SqlNodeList) c.operand(1));
            return new Column(CurrentOrigin.withOrigin(originOf(function),
                    () -> io.tideway.engine.expr.agg.OrderedSetAggregates.of(written, args, distinct, keys)));
        }
        Expression f = translate(function).expr();
        List<io.tideway.engine.expr.SortOrder> order = sortOrders((org.apache.calcite.sql.SqlNodeList) c.operand(1));
        return new Column(CurrentOrigin.withOrigin(originOf(function),
                () -> io.tideway.engine.expr.agg.ListAgg.withinGroup(f, nameAsWritten(function), order)));
    }

    /** {@code f(...) FILTER (WHERE condition)}: the aggregate fed only the rows where the condition holds. */
    private Column filter(SqlBasicCall c) {
        SqlCall function = (SqlCall) c.operand(0);
        Expression f = translate(function).expr();
        Expression condition = translate(c.operand(1)).expr();
        return new Column(CurrentOrigin.withOrigin(originOf(function),
                () -> io.tideway.engine.expr.agg.FilteredAggregate.of(f, nameAsWritten(function), condition)));
    }

    private Column call(SqlBasicCall c) {
        List<SqlNode> ops = c.getOperandList();
        if (c.getOperator().getName().equalsIgnoreCase("INTERVAL") && ops.size() == 2
                && ops.get(0) instanceof SqlNumericLiteral n && ops.get(1) instanceof org.apache.calcite.sql.SqlIntervalQualifier q) {
            return interval(n, q, c);
        }
        if (c.getOperator() instanceof org.apache.calcite.sql.fun.SqlBetweenOperator between
                && between.flag == org.apache.calcite.sql.fun.SqlBetweenOperator.Flag.ASYMMETRIC) {
            Column inRange = registry("between", arg(c, 0), arg(c, 1), arg(c, 2));
            return between.isNegated() ? functions.not(inRange) : inRange;
        }
        if (c.getOperator() instanceof org.apache.calcite.sql.fun.SqlLikeOperator like) {
            return like(c, like);
        }
        switch (c.getKind()) {
            case OVER: return over(c);
            case WITHIN_GROUP: return withinGroup(c);
            case FILTER: return filter(c);
            case PLUS: return fold(c).plus(arg(c, 1));
            case MINUS: return fold(c).minus(arg(c, 1));
            case TIMES: return fold(c).multiply(arg(c, 1));
            case DIVIDE:
                if (operatorText(c).toLowerCase(Locale.ROOT).endsWith("div")) { // SparkOperators wrote DIV as '/' (after 7L: "L div")
                    return registry("div", fold(c), arg(c, 1));
                }
                return fold(c).divide(arg(c, 1));
            case MOD: return fold(c).mod(arg(c, 1));
            case EQUALS: return fold(c).equalTo(arg(c, 1));
            case NOT_EQUALS:
                return operatorText(c).equals("<=>") ? fold(c).eqNullSafe(arg(c, 1)) : fold(c).notEqual(arg(c, 1));
            case LESS_THAN: return fold(c).lt(arg(c, 1));
            case LESS_THAN_OR_EQUAL: return fold(c).leq(arg(c, 1));
            case GREATER_THAN: return fold(c).gt(arg(c, 1));
            case GREATER_THAN_OR_EQUAL: return fold(c).geq(arg(c, 1));
            case OR:
                if (ops.size() == 2 && ops.get(1) instanceof SqlIdentifier alias && operatorText(c).equalsIgnoreCase("AS")) {
                    return arg(c, 0).as(alias.getSimple()); // struct(e AS name): SparkClauses wrote the AS as OR
                }
                return logical(c);
            case AND: return logical(c);
            case NOT: return functions.not(arg(c, 0));
            case IN:
            case NOT_IN: return in(c);
            case TRIM: return trim(c);
            case POSITION: return ops.size() == 2 ? registry("locate", arg(c, 0), arg(c, 1), functions.lit(1))
                    : registry("locate", arg(c, 0), arg(c, 1), arg(c, 2));
            case IS_TRUE: return arg(c, 0).eqNullSafe(functions.lit(true));
            case IS_NOT_TRUE: return functions.not(arg(c, 0).eqNullSafe(functions.lit(true)));
            case IS_FALSE: return arg(c, 0).eqNullSafe(functions.lit(false));
            case IS_NOT_FALSE: return functions.not(arg(c, 0).eqNullSafe(functions.lit(false)));
            case BITAND: return registry("&", fold(c), arg(c, 1));
            case BITXOR: return registry(operatorText(c).equals("|") ? "|" : "^", fold(c), arg(c, 1));
            case IS_NULL: return arg(c, 0).isNull();
            case IS_NOT_NULL: return arg(c, 0).isNotNull();
            case PLUS_PREFIX: return registry("positive", arg(c, 0));
            case MINUS_PREFIX:
                if (charAt(c) == '~') {
                    return registry("~", arg(c, 0));
                }
                if (charAt(c) == '!') {
                    return functions.not(arg(c, 0));
                }
                return ops.get(0) instanceof SqlNumericLiteral num ? numeric(num, true) : arg(c, 0).unary_minus();
            case ITEM: {
                DataType colonCast = colonCastType(ops.get(1));
                return colonCast != null ? arg(c, 0).cast(colonCast) : registry("[]", arg(c, 0), arg(c, 1));
            }
            case DOT: // struct(i, s).i: a field of an expression's struct
                if (ops.get(1) instanceof SqlIdentifier field && field.isSimple()) {
                    return new Column(new io.tideway.engine.expr.UnresolvedExtractField(arg(c, 0).expr(), field.getSimple()));
                }
                throw unsupported("DOT", c);
            case ROW: { // (a, b): a row value, Spark's struct named after its columns
                Column[] values = new Column[ops.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = arg(c, i);
                }
                return registry("__row", values);
            }
            case CAST:
                if (ops.size() == 2 && ops.get(1) instanceof SqlDataTypeSpec spec) {
                    int at = offset(c.getParserPosition());
                    if (at >= 4 && src.original().regionMatches(true, at - 4, "TRY_", 0, 4)) {
                        return new Column(io.tideway.engine.expr.Cast.tryCast(arg(c, 0).expr(), castType(spec)));
                    }
                    return arg(c, 0).cast(castType(spec));
                }
                if (ops.size() == 2 && ops.get(1) instanceof org.apache.calcite.sql.SqlIntervalQualifier q) {
                    // CAST(x AS INTERVAL DAY TO SECOND): Calcite reads the type as an interval qualifier
                    String fields = q.toString().replaceFirst("(?i)^INTERVAL\\s+", "");
                    DataType t = DataTypes.fromName("interval " + fields);
                    int at = offset(c.getParserPosition());
                    return at >= 4 && src.original().regionMatches(true, at - 4, "TRY_", 0, 4)
                            ? new Column(io.tideway.engine.expr.Cast.tryCast(arg(c, 0).expr(), t)) : arg(c, 0).cast(t);
                }
                throw unsupported("this form of CAST", c);
            default:
                if (c.getOperator().getName().equals("||") && c.operand(1) instanceof SqlIdentifier name
                        && operatorText(c).equalsIgnoreCase("COLLATE")) { // SparkOperators wrote COLLATE as ||
                    return registry("collate", fold(c), functions.lit(String.join(".", name.names)));
                }
                if (c.getOperator() instanceof org.apache.calcite.sql.SqlBinaryOperator
                        && FunctionRegistry.exists(c.getOperator().getName())) { // <<, >>, >>>, ||
                    String op = c.getOperator().getName().equals("<<") ? operatorText(c) : c.getOperator().getName();
                    return registry(op, fold(c), arg(c, 1));
                }
                if (c.getOperator() instanceof SqlFunction) {
                    String name = nameAsWritten(c);
                    int at = offset(c.getParserPosition());
                    int end = src.wordEnd(at);
                    if (!FunctionRegistry.exists(name) && end > at) {
                        name = src.original().substring(at, end); // Calcite renamed it (translate -> TRANSLATE3)
                    }
                    if (name.equalsIgnoreCase("substr") && SparkClauses.isSubstrKeywordForm(src.original(), at)) {
                        name = "substring"; // substr(s FROM 2 FOR 3), the comma form SparkClauses wrote
                    }
                    if (io.tideway.engine.expr.agg.OrderedSetAggregates.requiresWithinGroup(name, ops.size())) {
                        throw io.tideway.engine.expr.agg.OrderedSetAggregates.withinGroupMissing(name);
                    }
                    Column unitForm = dateUnitForm(name, ops);
                    if (unitForm != null) {
                        return unitForm;
                    }
                    if (!FunctionRegistry.exists(name)) {
                        throw FunctionRegistry.unresolved(name);
                    }
                    List<Expression> args = new ArrayList<>(ops.size());
                    for (SqlNode o : ops) {
                        // timestampadd(HOUR, n, ts): the unit, a keyword in SQL, is a string argument here
                        if (o instanceof org.apache.calcite.sql.SqlIntervalQualifier q) {
                            String unit = unitAsWritten(q);
                            // Spark's grammar knows timestampadd/diff only with its own units
                            if (name.toLowerCase(Locale.ROOT).startsWith("timestamp")
                                    && !TIMESTAMP_UNITS.contains(unit.toUpperCase(Locale.ROOT))) {
                                throw FunctionRegistry.unresolved(name);
                            }
                            args.add(io.tideway.engine.expr.Literal.of(unit));
                        } else {
                            args.add(fieldNamed(name, o, translate(o)).expr());
                        }
                    }
                    return new Column(FunctionRegistry.callByName(name, args));
                }
                throw unsupported(c.getOperator().getName(), c);
        }
    }

    /** {@code f(DISTINCT ...)} (an aggregate over the distinct rows) and {@code f(ALL ...)} ({@code f(...)}). */
    private Column quantified(SqlBasicCall c) {
        String name = nameAsWritten(c);
        if (!FunctionRegistry.exists(name)) {
            throw FunctionRegistry.unresolved(name);
        }
        List<Expression> args = new ArrayList<>();
        for (SqlNode o : c.getOperandList()) {
            args.add(translate(o).expr());
        }
        boolean distinct = c.getFunctionQuantifier().getValue() == org.apache.calcite.sql.SqlSelectKeyword.DISTINCT;
        return new Column(distinct ? io.tideway.engine.expr.agg.DistinctAggregate.call(name, args) : FunctionRegistry.call(name, args));
    }

    private static Column registry(String name, Column... args) {
        List<Expression> exprs = new ArrayList<>(args.length);
        for (Column a : args) {
            exprs.add(a.expr());
        }
        return new Column(FunctionRegistry.call(name, exprs));
    }

    /** {@code CASE [v] WHEN ... THEN ... [ELSE ...] END}; Calcite has already turned {@code CASE v WHEN x} into {@code v = x}. */
    private Column caseWhen(org.apache.calcite.sql.fun.SqlCase c) {
        List<Expression> children = new ArrayList<>();
        // CASE v WHEN x: Calcite made each WHEN v = x; Spark's comparison takes the CASE's position
        String afterCase = src.original().substring(Math.min(src.original().length(), startOf(c) + 4)).stripLeading();
        boolean simple = !afterCase.regionMatches(true, 0, "WHEN", 0, 4);
        for (int i = 0; i < c.getWhenOperands().size(); i++) {
            SqlNode w = c.getWhenOperands().get(i);
            if (simple && w instanceof SqlBasicCall eq && eq.getKind() == SqlKind.EQUALS) {
                Column v = translate(eq.operand(0));
                Column x = translate(eq.operand(1));
                children.add(CurrentOrigin.withOrigin(originOf(c), () -> v.equalTo(x)).expr());
                children.add(translate(c.getThenOperands().get(i)).expr());
                continue;
            }
            children.add(translate(w).expr());
            children.add(translate(c.getThenOperands().get(i)).expr());
        }
        SqlNode otherwise = c.getElseOperand();
        // Calcite supplies ELSE NULL, at the CASE's own position, when the text has none
        boolean hasElse = otherwise != null && !(otherwise instanceof SqlLiteral l && l.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL
                && l.getParserPosition().equals(c.getParserPosition()));
        if (hasElse) {
            children.add(translate(otherwise).expr());
        }
        return new Column(new io.tideway.engine.expr.CaseWhen(children, hasElse, false));
    }

    /** {@code TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)}: trim, ltrim or rtrim of s, with chars when written. */
    private Column trim(SqlBasicCall c) {
        String flag = ((SqlLiteral) c.operand(0)).getValue().toString();
        String name = flag.equals("LEADING") ? "ltrim" : flag.equals("TRAILING") ? "rtrim" : "trim";
        SqlNode chars = c.operand(1);
        int at = offset(chars.getParserPosition());
        boolean written = !(chars instanceof SqlCharStringLiteral) || at < src.original().length()
                && src.original().charAt(at) == '\'' && !chars.getParserPosition().equals(c.getParserPosition());
        return written ? registry(name, translate(chars), arg(c, 2)) : registry(name, arg(c, 2));
    }

    /** {@code v [NOT] IN (a, b, ...)}. */
    private Column in(SqlBasicCall c) {
        Column value = arg(c, 0);
        if (!(c.operand(1) instanceof org.apache.calcite.sql.SqlNodeList list)) {
            throw unsupported("IN with a subquery", c);
        }
        String[] written = operatorText(c).toUpperCase(Locale.ROOT).split("\\s+");
        if (written.length >= 2 && written[written.length - 2].endsWith("LIKE")) { // SparkOperators' LIKE ANY
            return likeQuantified(value, list, written);
        }
        Object[] items = new Object[list.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = translate(list.get(i));
        }
        Column in = value.isin(items);
        return c.getKind() == SqlKind.NOT_IN ? functions.not(in) : in;
    }

    /**
     * Spark's {@code s [NOT] LIKE|ILIKE ANY|SOME|ALL (p, ...)}: with string literal patterns one
     * {@code likeany}-like predicate (ILIKE lowers both sides), else each pattern's LIKE joined by
     * OR (ANY, SOME) or AND (ALL), as Spark's parser builds them.
     */
    private Column likeQuantified(Column value, org.apache.calcite.sql.SqlNodeList list, String[] written) {
        boolean negated = written[0].equals("NOT");
        boolean ilike = written[written.length - 2].equals("ILIKE");
        boolean all = written[written.length - 1].equals("ALL");
        List<Column> patterns = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (SqlNode p : list) {
            Column pattern = translate(p);
            patterns.add(pattern);
            if (pattern.expr() instanceof io.tideway.engine.expr.Literal l && l.value() instanceof String text) {
                literals.add(ilike ? text.toLowerCase(Locale.ROOT) : text);
            }
        }
        if (literals.size() == patterns.size()) {
            Expression subject = ilike ? FunctionRegistry.call("lower", List.of(value.expr())) : value.expr();
            String name = (negated ? "notlike" : "like") + (all ? "all" : "any");
            return new Column(io.tideway.engine.expr.fn.LikeQuantifiers.likeQuantified(name, subject, literals));
        }
        Column joined = null;
        for (Column p : patterns) {
            Column one = registry(ilike ? "ilike" : "like", value, p);
            one = negated ? functions.not(one) : one;
            joined = joined == null ? one : all ? joined.and(one) : joined.or(one);
        }
        return joined;
    }

    /** {@code s [NOT] LIKE|ILIKE|RLIKE p [ESCAPE e]}. */
    private Column like(SqlBasicCall c, org.apache.calcite.sql.fun.SqlLikeOperator op) {
        String name = op.getName().replace("NOT ", "").toLowerCase(Locale.ROOT);
        List<Expression> args = new ArrayList<>();
        args.add(arg(c, 0).expr());
        args.add(arg(c, 1).expr());
        if (c.operandCount() == 3) {
            SqlNode e = c.operand(2);
            if (e instanceof SqlCharStringLiteral lit) {
                String esc = ((NlsString) lit.getValue()).getValue();
                if (esc.length() != 1) { // Spark's parser reports it without a position
                    throw Unchecked.raise(new ParseException("INVALID_ESC", Map.of("invalidEscape", ErrorParams.value(esc))));
                }
            }
            args.add(translate(e).expr());
        }
        Column like = new Column(FunctionRegistry.call(name, args));
        return op.isNegated() ? functions.not(like) : like;
    }

    /**
     * Spark's {@code unescapeSQLString}: a backslash escapes the next character ({@code \n},
     * {@code \t}, {@code \0}, backslash-u with four hex digits...; any other character stands for itself), except
     * that {@code \%} and {@code \_} keep their backslash for LIKE.
     */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case '0' -> out.append('\u0000');
                case 'b' -> out.append('\b');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'Z' -> out.append('\u001A');
                case '%', '_' -> out.append('\\').append(n);
                case 'u' -> {
                    if (i + 4 < s.length()) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append(n);
                    }
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    /** The user's text of a binary operator: what lies between its operands, without parentheses. */
    private String operatorText(SqlBasicCall c) {
        String text = src.original();
        SqlParserPos left = c.operand(0).getParserPosition();
        int from = src.originalOffset(left.getEndLineNum(), left.getEndColumnNum()) + 1;
        int to = offset(c.operand(1).getParserPosition());
        while (from < to && (text.charAt(from) == ')' || Character.isWhitespace(text.charAt(from)))) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == '(' || Character.isWhitespace(text.charAt(to - 1)))) {
            to--;
        }
        return from <= to && to <= text.length() ? text.substring(from, to) : "";
    }

    /** The user's character where {@code n} starts. */
    private char charAt(SqlNode n) {
        int at = offset(n.getParserPosition());
        return at < src.original().length() ? src.original().charAt(at) : ' ';
    }

    /** The user's character just after {@code n}. */
    private char charAfter(SqlNode n) {
        SqlParserPos p = n.getParserPosition();
        int at = src.originalOffset(p.getEndLineNum(), p.getEndColumnNum()) + 1;
        return at < src.original().length() ? src.original().charAt(at) : ' ';
    }

    /** A binary operator's left operand; binary operators always have exactly two. */
    private Column fold(SqlBasicCall c) {
        if (c.operandCount() != 2) {
            throw unsupported(c.getOperator().getName() + " with " + c.operandCount() + " operands", c);
        }
        return arg(c, 0);
    }

    private Column logical(SqlBasicCall c) {
        boolean and = c.getKind() == SqlKind.AND;
        Column acc = arg(c, 0);
        for (int i = 1; i < c.operandCount(); i++) {
            acc = and ? acc.and(arg(c, i)) : acc.or(arg(c, i));
        }
        return acc;
    }

    private Column arg(SqlBasicCall c, int i) {
        return translate(c.operand(i));
    }

    private DataType castType(SqlDataTypeSpec spec) {
        int start = offset(spec.getParserPosition());
        String typeText = SparkClauses.typeAt(src.original(), start);
        if (typeText != null) { // STRUCT<...>, ARRAY<...>, MAP<...>: a placeholder name SparkClauses wrote
            return typeFromText(typeText, start);
        }
        if (spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec || spec.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec) {
            String name = spec.getTypeNameSpec().getTypeName().getSimple().toUpperCase(Locale.ROOT);
            switch (name) {
                case "TINYINT": case "BYTE": return DataTypes.ByteType;
                case "SMALLINT": case "SHORT": return DataTypes.ShortType;
                case "FLOAT": case "REAL": return DataTypes.FloatType;
                case "INT": case "INTEGER": return DataTypes.IntegerType;
                case "BIGINT": case "LONG": return DataTypes.LongType;
                case "DOUBLE": return DataTypes.DoubleType;
                case "DECIMAL": case "DEC": case "NUMERIC": return decimalType(spec, spec.getTypeNameSpec());
                case "STRING": case "VARCHAR": case "CHAR": return DataTypes.StringType;
                case "BOOLEAN": return DataTypes.BooleanType;
                case "TIMESTAMP": case "TIMESTAMP_LTZ": return DataTypes.TimestampType;
                case "TIMESTAMP_NTZ": return DataTypes.TimestampNTZType;
                case "INTERVA_": // TypedLiterals' stand-in for a bare INTERVAL (a calendar interval)
                    if (src.original().regionMatches(true, offset(spec.getParserPosition()), "interval", 0, 8)) {
                        return DataTypes.CalendarIntervalType;
                    }
                    break;
                case "DATE": return DataTypes.DateType;
                case "BINARY": case "VARBINARY": return DataTypes.BinaryType;
                case "VARIANT": return DataTypes.VariantType;
                default: break;
            }
        }
        int at = offset(spec.getParserPosition());
        String shown = spec.toString().replace("`", "").toUpperCase(Locale.ROOT);
        return failType(shown, at);
    }

    /** {@code DECIMAL}, {@code DECIMAL(p)} or {@code DECIMAL(p, s)}; Spark's default is decimal(10,0). */
    private DataType decimalType(SqlDataTypeSpec spec, org.apache.calcite.sql.SqlTypeNameSpec name) {
        if (!(name instanceof SqlBasicTypeNameSpec b) || b.getPrecision() < 0) {
            return new io.tideway.sql.types.DecimalType(10, 0);
        }
        int p = b.getPrecision();
        int s = Math.max(b.getScale(), 0);
        if (p < 1 || p > io.tideway.sql.types.DecimalType.MAX_PRECISION || s > p) {
            throw Unchecked.raise(new ParseException("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", Map.of("precision",
                    String.valueOf(p), "maxPrecision", "38"), src.original(), offset(spec.getParserPosition()), null));
        }
        return new io.tideway.sql.types.DecimalType(p, s);
    }

    private DataType failType(String shown, int at) {
        throw Unchecked.raise(new ParseException("UNSUPPORTED_DATATYPE", Map.of("typeName", ErrorParams.expr(shown)),
                src.original(), at, null));
    }

    /** Calcite upper-cases the names of functions it has syntax for (SUBSTRING); errors show the user's spelling. */
    private String nameAsWritten(SqlCall c) {
        String name = c.getOperator().getName();
        int at = offset(c.getParserPosition());
        int end = src.wordEnd(at);
        return end - at == name.length() && src.original().regionMatches(true, at, name, 0, name.length())
                ? src.original().substring(at, end) : name;
    }

    /** Where Spark's parse tree starts {@code n}: line, and position within the line, in the user's text. */
    /**
     * {@code DATE '2024-03-15'} and {@code TIMESTAMP '2024-03-15 10:00:00'} (local time in the
     * session zone), read as a cast reads the text; null for another tag or a text that does not parse.
     */
    private static Column typedLiteral(String tag, String text) {
        switch (tag.toUpperCase(Locale.ROOT)) {
            case "DATE": {
                java.util.OptionalLong days = io.tideway.engine.expr.DateTimeStrings.toDate(text);
                return days.isPresent() ? functions.lit(java.sql.Date.valueOf(java.time.LocalDate.ofEpochDay(days.getAsLong())))
                        : null;
            }
            case "TIMESTAMP": {
                java.util.OptionalLong local = io.tideway.engine.expr.DateTimeStrings.toTimestamp(text, java.time.ZoneOffset.UTC);
                if (local.isEmpty()) {
                    return null;
                }
                java.util.OptionalLong shifted = io.tideway.engine.expr.DateTimeStrings.toTimestamp(text,
                        java.time.ZoneOffset.ofHours(1));
                if (shifted.equals(local)) { // the text names its own zone: an instant
                    return functions.lit(java.sql.Timestamp.from(
                            java.time.Instant.EPOCH.plus(local.getAsLong(), java.time.temporal.ChronoUnit.MICROS)));
                }
                // a wall-clock time, read in the session zone when the query runs (as Spark's parser does)
                return new Column(new io.tideway.engine.expr.Literal(
                        io.tideway.engine.row.TemporalValues.ntzToLocal(local.getAsLong()), DataTypes.TimestampType));
            }
            default:
                return null;
        }
    }

    /**
     * Spark's grammar for {@code timestampadd}-like calls where Calcite read a plain call
     * ({@link SourceText} backticked the unit): {@code dateadd(DAY, n, ts)} is timestampadd,
     * {@code datediff(DAY, a, b)} timestampdiff; the
     * grammar's names with a quoted unit are Spark's {@code INVALID_PARAMETER_VALUE.DATETIME_UNIT},
     * without three arguments an unknown routine, as are the Java-only {@code timestamp_add} and
     * {@code timestamp_diff} in SQL. Null for any other call.
     */
    private Column dateUnitForm(String name, List<SqlNode> ops) {
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "timestamp_add", "timestamp_diff":
                throw FunctionRegistry.unresolved(name);
            case "timestampadd", "timestampdiff":
                if (ops.size() != 3) {
                    throw FunctionRegistry.unresolved(name);
                }
                if (ops.get(0) instanceof SqlCharStringLiteral unit) {
                    int at = offset(unit.getParserPosition());
                    int end = src.original().indexOf(src.original().charAt(at), at + 1);
                    throw Unchecked.raise(new ParseException("INVALID_PARAMETER_VALUE.DATETIME_UNIT", Map.of(
                            "parameter", "`unit`", "functionName", "`" + name + "`",
                            "invalidValue", src.original().substring(at, end < 0 ? src.original().length() : end + 1))));
                }
                return null;
            case "dateadd", "date_add", "datediff", "date_diff":
                if (ops.size() == 3 && ops.get(0) instanceof SqlIdentifier unit
                        && src.isEscaped(offset(unit.getParserPosition()))) {
                    List<Expression> args = new ArrayList<>(List.of(io.tideway.engine.expr.Literal.of(unit.getSimple())));
                    args.add(translate(ops.get(1)).expr());
                    args.add(translate(ops.get(2)).expr());
                    return new Column(FunctionRegistry.call(lower.contains("add") ? "timestampadd" : "timestampdiff", args));
                }
                return null;
            default:
                return null;
        }
    }

    /** The units Spark's grammar takes in {@code timestampadd}/{@code timestampdiff}. */
    private static final Set<String> TIMESTAMP_UNITS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DAYOFYEAR", "HOUR",
            "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND");

    /** A date-time unit keyword (timestampadd's, extract's) as the user wrote it: {@code hour}, {@code Y}. */
    private String unitAsWritten(org.apache.calcite.sql.SqlIntervalQualifier q) {
        String text = src.original();
        int start = offset(q.getParserPosition());
        int end = start;
        while (end < text.length() && SourceText.isWordPart(text.charAt(end))) {
            end++;
        }
        return end > start ? text.substring(start, end)
                : q.timeFrameName != null ? q.timeFrameName : q.timeUnitRange.startUnit.name();
    }

    public Origin originOf(SqlNode n) {
        return Origin.at(src.original(), startOf(n));
    }

    /**
     * The offset of {@code n}'s first token as Spark's parser sees it: an infix or postfix operator
     * starts with its left operand as written (with that operand's parentheses, as in
     * {@code (13 - i) = x}); anything else at its own first token, after the parentheses Calcite
     * counts into its span.
     */
    private int startOf(SqlNode n) {
        if (n instanceof SqlCall c && c.operandCount() > 0 && c.operand(0) != null && startsWithOperand(c)) {
            return offset(c.operand(0).getParserPosition());
        }
        if (n instanceof SqlCall c && c.operandCount() > 0 && c.operand(0) != null && !startsWithOperand(c)
                && c.getOperator().getSyntax() != SqlSyntax.FUNCTION && c.getOperator().getSyntax() != SqlSyntax.PREFIX
                && c.getKind() != SqlKind.CASE && c.getKind() != SqlKind.CAST) { // CAST(...) starts at its keyword
            SqlParserPos left = c.operand(0).getParserPosition();
            int at = src.originalOffset(left.getEndLineNum(), left.getEndColumnNum()) + 1;
            String text = src.original();
            while (at < text.length() && (text.charAt(at) == ')' || Character.isWhitespace(text.charAt(at)))) {
                at++;
            }
            return at;
        }
        String text = src.original();
        int at = offset(n.getParserPosition());
        while (at < text.length() && (text.charAt(at) == '(' || Character.isWhitespace(text.charAt(at)))) {
            at++;
        }
        return at < text.length() ? at : offset(n.getParserPosition());
    }

    private static boolean startsWithOperand(SqlCall c) {
        switch (c.getKind()) {
            case IN, NOT_IN, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, BETWEEN:
                return false; // Spark's predicate starts at its keyword
            default:
                break;
        }
        SqlSyntax syntax = c.getOperator().getSyntax();
        return syntax == SqlSyntax.BINARY || syntax == SqlSyntax.POSTFIX
                || c.getKind() == SqlKind.AS || c.getKind() == SqlKind.BETWEEN || c.getKind() == SqlKind.LIKE
                || c.getKind() == SqlKind.IN || c.getKind() == SqlKind.NOT_IN;
    }

    /** {@code struct(e name)}: the field named as written after it without AS (SparkClauses blanked the name). */
    private Column fieldNamed(String function, SqlNode arg, Column value) {
        if (!function.equalsIgnoreCase("struct")) {
            return value;
        }
        SqlParserPos p = arg.getParserPosition();
        String alias = SparkClauses.bareFieldName(src.original(), src.originalOffset(p.getEndLineNum(), p.getEndColumnNum()) + 1);
        return alias == null ? value : value.as(alias);
    }

    private int offset(SqlParserPos pos) {
        return src.originalOffset(pos.getLineNum(), pos.getColumnNum());
    }

    /** Calcite read it, but the engine has no expression for it yet; declared to return so callers can write {@code throw}. */
    public RuntimeException unsupported(String what, SqlNode n) {
        throw Unchecked.raise(new ParseException("UNSUPPORTED_EXPRESSION", Map.of("api", api, "what", what, "hint", ""),
                src.original(), offset(n.getParserPosition()), null));
    }

    /** An error naming the user's whole text, for arguments the engine needs as constants (Tideway's own). */
    public RuntimeException invalid(String message) {
        throw Unchecked.raise(new AnalysisException(message + " in expression '" + src.original() + "'."));
    }
}
