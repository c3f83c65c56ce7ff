package io.tideway.engine.expr.fn;

import io.tideway.engine.expr.Expression;
import io.tideway.engine.expr.LambdaFunction;

import java.util.List;

/**
 * Spark's higher-order functions ({@code higherOrderFunctions.scala}), the functions that take
 * lambdas: {@code transform}, {@code filter}, {@code exists}, {@code forall},
 * {@code aggregate}/{@code reduce}, {@code zip_with}, {@code array_sort} with a comparator,
 * {@code map_filter}, {@code transform_keys}, {@code transform_values}, {@code map_zip_with}. Each is a {@link HigherOrderFunction} registered by name; the
 * Java API ({@code functions.transform(col, x -> ...)}) and SQL ({@code transform(a, x -> x + 1)})
 * build the same tree. Registered once, immutable after.
 */
public final class LambdaFunctions {
    private LambdaFunctions() {
    }

    static void register() {
        FunctionRegistry.add("transform", 2, 2, (name, a) -> new ArrayTransform(a.get(0), lambda(name, a, 1)));
        FunctionRegistry.add("filter", 2, 2, (name, a) -> new ArrayFilter(a.get(0), lambda(name, a, 1)));
        FunctionRegistry.add("exists", 2, 2, (name, a) -> new ArrayQuantifier(a.get(0), lambda(name, a, 1), false));
        FunctionRegistry.add("forall", 2, 2, (name, a) -> new ArrayQuantifier(a.get(0), lambda(name, a, 1), true));
        FunctionRegistry.Builder aggregate = (name, a) -> new ArrayAggregate(name, a.get(0), a.get(1), lambda(name, a, 2),
                a.size() > 3 ? lambda(name, a, 3) : identity());
        FunctionRegistry.add("aggregate", 3, 4, aggregate);
        FunctionRegistry.add("reduce", 3, 4, aggregate);
        FunctionRegistry.add("zip_with", 3, 3, (name, a) -> new ZipWith(a.get(0), a.get(1), lambda(name, a, 2)));
        FunctionRegistry.overload("array_sort", 2, (name, a) -> new ArraySortWith(a.get(0), lambda(name, a, 1)));
        FunctionRegistry.add("map_filter", 2, 2, (name, a) -> new MapFilter(a.get(0), lambda(name, a, 1)));
        FunctionRegistry.add("transform_keys", 2, 2, (name, a) -> new MapTransform(a.get(0), lambda(name, a, 1), true));
        FunctionRegistry.add("transform_values", 2, 2, (name, a) -> new MapTransform(a.get(0), lambda(name, a, 1), false));
        FunctionRegistry.add("map_zip_with", 3, 3, (name, a) -> new MapZipWith(a.get(0), a.get(1), lambda(name, a, 2)));
    }

    /** Spark's default finishing lambda of {@code aggregate}: {@code acc -> acc}. */
    public static LambdaFunction identity() {
        return LambdaFunction.of(List.of("id"), vars -> vars.get(0));
    }

    /** Argument {@code i} as a lambda: anything else becomes one whose variables are given when it is bound. */
    private static LambdaFunction lambda(String name, List<Expression> args, int i) {
        return args.get(i) instanceof LambdaFunction f ? f : new LambdaFunction(args.get(i), List.of());
    }
}
