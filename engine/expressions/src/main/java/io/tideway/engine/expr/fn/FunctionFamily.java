package io.tideway.engine.expr.fn;

/**
 * A group of functions {@link FunctionRegistry} learns at its first use. The function library
 * (module {@code tideway-functions}) lists its families in
 * {@code META-INF/services/io.tideway.engine.expr.fn.FunctionFamily}, found through
 * {@link java.util.ServiceLoader}, so this module never names a class of the library. Providers
 * are loaded with the class loader that loaded this interface, the one generated code is compiled
 * against ({@code ClassCompiler}), so the kernels a family's code names resolve there too.
 * {@link #register} runs once, on the thread that initialises {@link FunctionRegistry}, while the
 * JVM's class initialisation holds every other thread off.
 */
public interface FunctionFamily {
    /**
     * Adds this family's functions through the registry's package-private {@code add} and
     * {@code overload}, which is why families live in package {@code io.tideway.engine.expr.fn}.
     */
    void register();
}
