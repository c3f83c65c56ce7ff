package io.tideway.engine.codegen;

import io.tideway.engine.exec.Operator;
import io.tideway.engine.expr.EvalContext;
import io.tideway.engine.expr.codegen.ClassCompiler;
import io.tideway.engine.expr.codegen.UnsupportedExpression;

import java.util.List;

/**
 * Whole-chain code generation (Spark's whole-stage codegen, for map-like chains): turns a run
 * of projections and filters into one generated {@link CompiledChain} class, compiled with
 * Janino, so a row goes through the run in one method with no virtual calls, no per-expression
 * result fields and no row written between stages. Returns null when some expression or type is
 * not supported, and the caller builds the interpreted operators instead. Generated classes are
 * cached by source ({@link ClassCompiler}), so every task and restart of a query shape compiles
 * once. Thread-safe; a returned operator belongs to one task thread.
 */
public final class ChainCompiler {
    private ChainCompiler() {
    }

    /**
     * @param stages      the run, in the order rows flow (the stage next to the input first)
     * @param inputFields fields of the rows entering the run
     * @param next        where the run's output rows go
     * @param context     the query's evaluation settings (ANSI rules, time zone)
     * @return the compiled run, or null if it cannot be generated
     */
    public static Operator compile(List<ChainStage> stages, int inputFields, Operator next, EvalContext context) {
        ChainCodegen generated;
        try {
            generated = ChainCodegen.generate(stages, inputFields, context);
        } catch (UnsupportedExpression e) {
            return null;
        }
        Class<? extends CompiledChain> cls = ClassCompiler.compile(generated.source(), ChainCodegen.CLASS_NAME,
                CompiledChain.class);
        try {
            return cls.getConstructor(Operator.class, Object[].class).newInstance(next, generated.constants().toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate the generated chain " + cls.getName(), e);
        }
    }

    /** The source {@link #compile} would compile for these stages, or null if unsupported (for tests and debugging). */
    public static String source(List<ChainStage> stages, int inputFields) {
        try {
            return ChainCodegen.generate(stages, inputFields, new EvalContext(true)).source();
        } catch (UnsupportedExpression e) {
            return null;
        }
    }
}
