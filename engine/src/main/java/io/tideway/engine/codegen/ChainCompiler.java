package io.tideway.engine.codegen;

import io.tideway.engine.exec.Operator;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whole-chain code generation (Spark's whole-stage codegen, for map-like chains): turns a run
 * of projections and filters into one generated {@link CompiledChain} class, compiled with
 * Janino, so a row goes through the run in one method with no virtual calls, no per-expression
 * result fields and no row written between stages. Returns null when some expression or type is
 * not supported, and the caller builds the interpreted operators instead. Generated classes are
 * cached by source, so every task and restart of a query shape compiles once. Thread-safe; a
 * returned operator belongs to one task thread.
 */
public final class ChainCompiler {
    private static final int MAX_CACHED = 256;
    private static final Map<String, Class<? extends CompiledChain>> CLASSES = new ConcurrentHashMap<>();

    private ChainCompiler() {
    }

    /**
     * @param stages      the run, in the order rows flow (the stage next to the input first)
     * @param inputFields fields of the rows entering the run
     * @param next        where the run's output rows go
     * @param ansi        whether arithmetic and casts follow ANSI rules ({@link io.tideway.engine.expr.SqlArithmetic})
     * @return the compiled run, or null if it cannot be generated
     */
    public static Operator compile(List<ChainStage> stages, int inputFields, Operator next, boolean ansi) {
        ChainCodegen generated;
        try {
            generated = ChainCodegen.generate(stages, inputFields, ansi);
        } catch (UnsupportedExpression e) {
            return null;
        }
        Class<? extends CompiledChain> cls = CLASSES.get(generated.source());
        if (cls == null) {
            if (CLASSES.size() >= MAX_CACHED) {
                CLASSES.clear();
            }
            cls = CLASSES.computeIfAbsent(generated.source(), ChainCompiler::compileClass);
        }
        try {
            return cls.getConstructor(Operator.class, Object[].class).newInstance(next, generated.constants().toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate the generated chain " + cls.getName(), e);
        }
    }

    /** The source {@link #compile} would compile for these stages, or null if unsupported (for tests and debugging). */
    public static String source(List<ChainStage> stages, int inputFields) {
        try {
            return ChainCodegen.generate(stages, inputFields, true).source();
        } catch (UnsupportedExpression e) {
            return null;
        }
    }

    private static Class<? extends CompiledChain> compileClass(String source) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(ChainCompiler.class.getClassLoader());
        try {
            compiler.cook(source);
            return compiler.getClassLoader().loadClass(ChainCodegen.CLASS_NAME).asSubclass(CompiledChain.class);
        } catch (CompileException | ClassNotFoundException e) {
            // a generator bug, not a user error: say so with the source
            throw new IllegalStateException("Generated chain does not compile: " + e.getMessage() + "\n" + source, e);
        }
    }
}
