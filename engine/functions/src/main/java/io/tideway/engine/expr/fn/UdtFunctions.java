package io.tideway.engine.expr.fn;

import io.tideway.sql.types.UserDefinedType;

/**
 * Functions of user-defined types: {@code unwrap_udt}, a UDT column's values as its SQL type.
 * A UDT value is stored as its SQL type already, so the code passes it on and only the type
 * changes. Registered once; stateless.
 */
final class UdtFunctions {
    /** A user-defined type, taken as it is (Spark's {@code UnwrapUDT} accepts nothing else). */
    private static final InputType UDT = new InputType("\"USERDEFINEDTYPE\"", t -> t instanceof UserDefinedType<?>,
            from -> from);

    private UdtFunctions() {
    }

    static void register() {
        FunctionRegistry.add(FunctionSpec.named("unwrap_udt").inputs(UDT)
                .returns(types -> ((UserDefinedType<?>) types.get(0)).sqlType())
                .code((ctx, call, out, a) -> ctx.set(out, a[0].value())));
    }
}
