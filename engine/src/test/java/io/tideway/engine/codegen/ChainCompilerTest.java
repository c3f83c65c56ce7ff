package io.tideway.engine.codegen;

import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.BinaryArithmetic.Op;
import io.tideway.engine.expr.BinaryArithmetic;
import io.tideway.engine.expr.BoundReference;
import io.tideway.engine.expr.Cast;
import io.tideway.engine.expr.Comparison;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.Literal;
import io.tideway.engine.expr.Logical;
import io.tideway.engine.expr.Not;
import io.tideway.engine.expr.NullCheck;
import io.tideway.engine.expr.UnaryMinus;
import io.tideway.engine.plan.Filter;
import io.tideway.engine.plan.LocalRelation;
import io.tideway.engine.plan.LogicalPlan;
import io.tideway.engine.plan.Project;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Generated chains give byte-identical rows to the interpreted operators, and fall back when they must. */
class ChainCompilerTest {
    private static final StructType SCHEMA = new StructType()
            .add("a", DataTypes.LongType, true)
            .add("b", DataTypes.IntegerType, true)
            .add("c", DataTypes.DoubleType, true)
            .add("s", DataTypes.StringType, true)
            .add("flag", DataTypes.BooleanType, true);
    private static final BoundReference A = new BoundReference(0, DataTypes.LongType, true, "a");
    private static final BoundReference B = new BoundReference(1, DataTypes.IntegerType, true, "b");
    private static final BoundReference C = new BoundReference(2, DataTypes.DoubleType, true, "c");
    private static final BoundReference S = new BoundReference(3, DataTypes.StringType, true, "s");
    private static final BoundReference FLAG = new BoundReference(4, DataTypes.BooleanType, true, "flag");
    private static final Object[][] ROWS = {
            {1L, 2, 1.5, "abc", true},
            {null, null, null, null, null},
            {-7L, -3, -0.0, "", false},
            {Long.MAX_VALUE, Integer.MAX_VALUE, Double.NaN, "é€😀", true},
            {Long.MIN_VALUE, Integer.MIN_VALUE, Double.NEGATIVE_INFINITY, "abd", false},
            {0L, 0, 0.0, "x", null},
            {42L, 7, 1e300, "abc", true},
            {3L, -1, 2.5, "ab", false},
    };

    private final ChainDifferential differential = new ChainDifferential(SCHEMA, ROWS);

    @AfterEach
    void free() {
        differential.close();
    }

    @Test
    void projectionsAndFiltersMatchTheInterpretedChain() {
        LocalRelation leaf = new LocalRelation(SCHEMA, List.of());
        List<Expression> first = List.of(
                new Alias(new BinaryArithmetic(Op.MULTIPLY, A, Literal.of(2L)), "a2"),
                new BinaryArithmetic(Op.ADD, B, Literal.of(1)),                       // int overflow wraps
                new BinaryArithmetic(Op.DIVIDE, C, Literal.of(0.0)),                  // null: divide by zero
                new BinaryArithmetic(Op.REMAINDER, A, Literal.of(0L)),                // null
                new BinaryArithmetic(Op.REMAINDER, B, new Cast(Literal.of(-1L), DataTypes.IntegerType)),
                new BinaryArithmetic(Op.SUBTRACT, C, new Cast(B, DataTypes.DoubleType)),
                new Cast(C, DataTypes.IntegerType),
                new Cast(C, DataTypes.LongType),
                new Cast(A, DataTypes.DoubleType),
                new Cast(FLAG, DataTypes.IntegerType),
                new Cast(B, DataTypes.BooleanType),
                new Cast(C, DataTypes.BooleanType),
                new Cast(Literal.of(null), DataTypes.LongType),
                new UnaryMinus(B),
                new UnaryMinus(C),
                S,
                Literal.of("lit"),
                Literal.of(null),
                new Comparison(Comparison.Op.LT, S, Literal.of("abd")),
                new Comparison(Comparison.Op.EQ, C, C),                               // NaN = NaN under Double.compare
                new NullCheck(A, true),
                new NullCheck(S, false),
                FLAG,
                new Logical(true, FLAG, new Comparison(Comparison.Op.GT, A, Literal.of(0L))),
                new Logical(false, FLAG, new Comparison(Comparison.Op.GT, A, Literal.of(0L))),
                new Not(FLAG),
                A);
        Project p1 = new Project(first, leaf);
        // over p1's columns: 0 a2 long, 1 int, 2 double, ..., 15 s, 22 flag, 26 a
        BoundReference a2 = new BoundReference(0, DataTypes.LongType, true, "a2");
        BoundReference s1 = new BoundReference(15, DataTypes.StringType, true, "s");
        BoundReference flag1 = new BoundReference(22, DataTypes.BooleanType, true, "flag");
        BoundReference a1 = new BoundReference(26, DataTypes.LongType, true, "a");
        Filter f = new Filter(new Logical(false, new Comparison(Comparison.Op.GE, a2, Literal.of(0L)),
                new Comparison(Comparison.Op.NE, s1, Literal.of("abc"))), p1);
        Project p2 = new Project(List.of(a1, new BinaryArithmetic(Op.ADD, a2, a1), s1, flag1,
                new Comparison(Comparison.Op.LE, a1, Literal.of(3L))), f);
        Filter f2 = new Filter(new Not(new NullCheck(new BoundReference(0, DataTypes.LongType, true, "a"), false)), p2);
        for (LogicalPlan top : List.of(p1, f, p2, f2)) {
            assertSameOutput(top, leaf, true);
        }
    }

    @Test
    void filtersAloneForwardTheInputRow() {
        LocalRelation leaf = new LocalRelation(SCHEMA, List.of());
        Filter f = new Filter(new Comparison(Comparison.Op.GT, new Cast(B, DataTypes.LongType), A),
                new Filter(new NullCheck(C, true), leaf));
        assertSameOutput(f, leaf, true);
    }

    @Test
    void unsupportedExpressionsKeepTheInterpretedOperators() {
        LocalRelation leaf = new LocalRelation(SCHEMA, List.of());
        // an expression without generated code
        Project p = new Project(List.of(new Alias(new Interpreted(S), "s2"), B), leaf);
        assertNull(ChainCompiler.source(List.of(ChainStage.project(p.projectList())), SCHEMA.length()));
        assertSameOutput(p, leaf, false);
        // a supported filter above an unsupported projection is still generated, on its own (after the projection)
        Filter f = new Filter(new Comparison(Comparison.Op.GT, new BoundReference(1, DataTypes.IntegerType, true, "b"),
                Literal.of(0)), p);
        assertNotNull(ChainCompiler.source(List.of(ChainStage.filter(f.condition())), 2));
        assertSameOutput(f, leaf, false);
    }

    @Test
    void oneClassPerChainShape() {
        List<ChainStage> stages = List.of(ChainStage.filter(new Comparison(Comparison.Op.EQ, S, Literal.of("abc"))));
        Operator x = ChainCompiler.compile(stages, SCHEMA.length(), (b, o, l) -> { }, new EvalContext(true));
        Operator y = ChainCompiler.compile(List.of(ChainStage.filter(new Comparison(Comparison.Op.EQ, S, Literal.of("zz")))),
                SCHEMA.length(), (b, o, l) -> { }, new EvalContext(true));
        assertNotNull(x);
        assertEquals(x.getClass(), y.getClass(), "string literals are constructor arguments, not source");
    }

    @Test
    void aRowOutsideItsBufferFailsBeforeAnyUncheckedRead() {
        // generated code reads fields without per-field bounds checks, after one check of the fixed part
        Operator chain = ChainCompiler.compile(List.of(ChainStage.filter(new Comparison(Comparison.Op.GT, A, Literal.of(0L)))),
                SCHEMA.length(), (b, o, l) -> { }, new EvalContext(true));
        assertNotNull(chain);
        org.agrona.concurrent.UnsafeBuffer small = new org.agrona.concurrent.UnsafeBuffer(new byte[16]);
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> chain.accept(small, 0, 16));
    }

    private void assertSameOutput(LogicalPlan top, LogicalPlan leaf, boolean expectGenerated) {
        differential.assertSameOutput(top, leaf, expectGenerated);
    }

    /** Its argument, evaluated by the interpreter only: no generated code, so the chain around it stays interpreted. */
    private static final class Interpreted extends io.tideway.engine.expr.Expression {
        private final io.tideway.engine.expr.Expression child;

        Interpreted(io.tideway.engine.expr.Expression child) {
            this.child = child;
        }

        @Override
        public List<io.tideway.engine.expr.Expression> children() {
            return List.of(child);
        }

        @Override
        public io.tideway.engine.expr.Expression withChildren(List<io.tideway.engine.expr.Expression> children) {
            return new Interpreted(children.get(0));
        }

        @Override
        public String sql() {
            return "interpreted(" + child.sql() + ")";
        }

        @Override
        public io.tideway.sql.types.DataType dataType() {
            return child.dataType();
        }

        @Override
        public io.tideway.engine.expr.Evaluator evaluator(EvalContext context) {
            return child.evaluator(context);
        }
    }
}
