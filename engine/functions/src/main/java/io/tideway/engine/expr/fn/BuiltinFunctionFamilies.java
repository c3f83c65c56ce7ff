package io.tideway.engine.expr.fn;

/**
 * The built-in functions, Spark's, as one {@link FunctionFamily} the registry finds through
 * {@code META-INF/services/io.tideway.engine.expr.fn.FunctionFamily}: each family class adds its
 * functions in turn, in this order (a later family may {@code overload} a name an earlier one added).
 * A new family gets one line here. Stateless.
 */
public final class BuiltinFunctionFamilies implements FunctionFamily {
    @Override
    public void register() {
        CoreFunctions.register();
        StringFunctions.register();
        ConditionalFunctions.register();
        PredicateFunctions.register();
        BitwiseFunctions.register();
        RegexpFunctions.register();
        CodecFunctions.register();
        TextFunctions.register();
        DateTimeFunctions.register();
        IntervalFunctions.register();
        TimestampNtzFunctions.register();
        MathFunctions.register();
        ArrayFunctions.register();
        ArraySetFunctions.register();
        MapFunctions.register();
        StructFunctions.register();
        JsonFunctions.register();
        VariantFunctions.register();
        SketchFunctions.register();
        StatSketchFunctions.register();
        AggregateFunctions.register();
        AuditAggregateFunctions.register();
        BitmapFunctions.register();
        WindowFunctions.register();
        CsvFunctions.register();
        LambdaFunctions.register();
        MiscFunctions.register();
        XPathFunctions.register();
        CryptoFunctions.register();
        XmlFunctions.register();
        TextCheckFunctions.register();
        RandomTextFunctions.register();
        ReflectFunctions.register();
        GroupingFunctions.register();
        UdtFunctions.register();
        UserErrorFunctions.register();
        FileBlockFunctions.register();
        FileMetadataFunctions.register();
        NumberParseFunctions.register();
        SentenceFunctions.register();
        CollationFunctions.register();
        VariantObjectFunctions.register();
    }
}
