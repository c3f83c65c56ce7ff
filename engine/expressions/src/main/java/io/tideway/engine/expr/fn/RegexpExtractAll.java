package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.ArrayOut;
import io.tideway.engine.expr.Coercible;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.offheap.row.ArrayWriter;
import io.tideway.offheap.row.RowReader;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code regexp_extract_all(str, regexp[, idx])}: group {@code idx} (default 1) of every match, an
 * {@code array<string>}. Arrays have no generated code yet, so this runs interpreted; the
 * matching is {@link RegexpKernels}'s. Immutable.
 */
final class RegexpExtractAll extends Expression implements Coercible {
    private static final long serialVersionUID = 1L;
    private final List<Expression> args;

    RegexpExtractAll(List<Expression> args) {
        List<Expression> a = new ArrayList<>(args);
        if (a.size() == 2) {
            a.add(Literal.of(1));
        }
        this.args = List.copyOf(a);
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new RegexpExtractAll(children);
    }

    @Override
    public String sql() {
        return "regexp_extract_all(" + ConditionalFunctions.args(args) + ")";
    }

    @Override
    public Expression coerceTypes() {
        ScalarFunction asCall = (ScalarFunction) FunctionRegistry.call("regexp_extract", args);
        return new RegexpExtractAll(((ScalarFunction) asCall.coerceTypes()).children());
    }

    @Override
    public DataType dataType() {
        return DataTypes.createArrayType(DataTypes.StringType, true);
    }

    @Override
    public Evaluator evaluator(EvalContext context) {
        Evaluator s = args.get(0).evaluator(context);
        Evaluator p = args.get(1).evaluator(context);
        Evaluator idx = args.get(2).evaluator(context);
        PredicateKernels.PatternCache cache = new PredicateKernels.PatternCache();
        ArrayOut out = new ArrayOut();
        return new Evaluator() {
            @Override
            public void eval(RowReader row) {
                s.eval(row);
                isNull = s.isNull;
                if (isNull) {
                    return;
                }
                p.eval(row);
                isNull = p.isNull;
                if (isNull) {
                    return;
                }
                idx.eval(row);
                isNull = idx.isNull;
                if (isNull) {
                    return;
                }
                Pattern pattern = cache.get(p.buf, p.off, p.len, -1, "regexp_extract_all");
                Matcher m = pattern.matcher(StringKernels.string(s.buf, s.off, s.len));
                List<String> found = new ArrayList<>();
                while (m.find()) {
                    String g = m.group(RegexpKernels.groupIndex(m, idx.l, "regexp_extract_all"));
                    found.add(g == null ? "" : g);
                }
                ArrayWriter a = out.begin(found.size());
                for (int i = 0; i < found.size(); i++) {
                    ArrayOut.putString(a, i, found.get(i));
                }
                a.end();
                out.finish(this);
            }
        };
    }
}
