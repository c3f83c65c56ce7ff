package io.tideway.engine.expr.codegen;

import io.tideway.engine.expr.Alias;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.Evaluator;
import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaVariable;
import io.tideway.sql.types.DataType;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreted form of an expression that has code ({@link Expression#genCode}): its code
 * compiled on its own into an {@link Evaluator} subclass whose {@code eval} runs each child's
 * evaluator where the code asks for the child, then the expression's own statements, and leaves
 * the result in the evaluator's fields. The class depends only on the expression's kind and types,
 * not on its children or literal values, so it compiles once per JVM and serves every query.
 */
public final class NodeEvaluators {
    static final String CLASS_NAME = "io.tideway.engine.expr.generated.NodeEvaluator";

    private NodeEvaluators() {
    }

    /** The evaluator of {@code e} for one task: its children's evaluators under its compiled code. */
    public static Evaluator compile(Expression e, EvalContext context) {
        StringBuilder body = new StringBuilder();
        NodeContext ctx = new NodeContext(body, context);
        CodeValue v = e.genCode(ctx);
        Evaluator[] kids = ctx.children.toArray(new Evaluator[0]);
        StringBuilder src = new StringBuilder();
        int dot = CLASS_NAME.lastIndexOf('.');
        String simple = CLASS_NAME.substring(dot + 1);
        src.append("package ").append(CLASS_NAME, 0, dot).append(";\n\n")
                .append("public final class ").append(simple).append(" extends ").append(Evaluator.class.getName()).append(" {\n");
        for (int i = 0; i < kids.length; i++) {
            src.append("    private final ").append(Evaluator.class.getName()).append(" c").append(i).append(";\n");
        }
        src.append(ctx.constantFields())
                .append("\n    public ").append(simple).append("(").append(Evaluator.class.getName())
                .append("[] children, Object[] constants) {\n");
        for (int i = 0; i < kids.length; i++) {
            src.append("        c").append(i).append(" = children[").append(i).append("];\n");
        }
        src.append(ctx.constantAssignments("constants"))
                .append("    }\n\n    public void eval(io.tideway.offheap.row.RowReader row) {\n")
                .append(body)
                .append("        isNull = ").append(v.isNull()).append(";\n");
        switch (v.kind()) {
            case LONG -> src.append("        l = ").append(v.value()).append(";\n");
            case DOUBLE -> src.append("        d = ").append(v.value()).append(";\n");
            case BYTES -> src.append("        buf = ").append(v.value()).append("; off = ").append(v.offset())
                    .append("; len = ").append(v.length()).append(";\n");
            case DECIMAL -> src.append("        dec = ").append(v.value()).append(";\n");
        }
        src.append("    }\n}\n");
        Class<? extends Evaluator> cls = ClassCompiler.compile(src.toString(), CLASS_NAME, Evaluator.class);
        try {
            return cls.getConstructor(Evaluator[].class, Object[].class).newInstance(kids, ctx.constants().toArray());
        } catch (ReflectiveOperationException x) {
            throw new IllegalStateException("Cannot instantiate the evaluator of " + e.sql(), x);
        }
    }

    /**
     * Children are the evaluators {@code c0, c1, ...}, made as the code asks for them: running one
     * is a call to its {@code eval}. A subtree reading a lambda variable (the body of a
     * higher-order function's lambda) has no evaluator of its own: its code is inlined, where the
     * function bound the variable.
     */
    private static final class NodeContext extends CodegenContext {
        private final Map<Expression, Integer> childIndex = new IdentityHashMap<>();
        private final List<Evaluator> children = new ArrayList<>();

        NodeContext(StringBuilder code, EvalContext evalContext) {
            super(code, evalContext);
        }

        @Override
        public CodeValue gen(Expression e) {
            if (e.exists(x -> x instanceof LambdaVariable)) {
                return e instanceof Alias a ? gen(a.child()) : e.genCode(this);
            }
            Integer i = childIndex.get(e);
            if (i == null) {
                i = children.size();
                children.add(e.evaluator(evalContext()));
                childIndex.put(e, i);
            }
            String c = "c" + i;
            line(c + ".eval(row);");
            DataType t = e.dataType();
            CodeValue.Kind k = CodeValue.kindOf(t);
            if (k == null) {
                throw new UnsupportedExpression(t.simpleString());
            }
            return switch (k) {
                case LONG -> new CodeValue(t, k, c + ".isNull", c + ".l", null, null);
                case DOUBLE -> new CodeValue(t, k, c + ".isNull", c + ".d", null, null);
                case BYTES -> new CodeValue(t, k, c + ".isNull", c + ".buf", c + ".off", c + ".len");
                case DECIMAL -> new CodeValue(t, k, c + ".isNull", c + ".dec", null, null);
            };
        }

        @Override
        public CodeValue column(int ordinal, DataType type) {
            throw new UnsupportedExpression("a column reference has its own evaluator");
        }
    }
}
