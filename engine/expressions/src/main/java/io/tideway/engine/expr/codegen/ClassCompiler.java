package io.tideway.engine.expr.codegen;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles generated Java source with Janino, once per distinct source: generated classes take
 * their constants through the constructor, so a source text stands for every query of the same
 * shape and the cache stays small. Thread-safe.
 */
public final class ClassCompiler {
    private static final int MAX_CACHED = 1024;
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private ClassCompiler() {
    }

    /** The class {@code className} that {@code source} defines, a subclass of {@code base}. */
    public static <T> Class<? extends T> compile(String source, String className, Class<T> base) {
        Class<?> cls = CLASSES.get(source);
        if (cls == null) {
            if (CLASSES.size() >= MAX_CACHED) {
                CLASSES.clear();
            }
            cls = CLASSES.computeIfAbsent(source, s -> cook(s, className, base));
        }
        return cls.asSubclass(base);
    }

    private static Class<?> cook(String source, String className, Class<?> base) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(base.getClassLoader());
        try {
            compiler.cook(source);
            return compiler.getClassLoader().loadClass(className);
        } catch (CompileException | ClassNotFoundException e) {
            // a generator bug, not a user error: say so with the source
            throw new IllegalStateException("Generated code does not compile: " + e.getMessage() + "\n" + source, e);
        }
    }
}
