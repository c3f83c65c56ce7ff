package io.tideway.engine.expr.fn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering seam: the registry, in tideway-expressions, learns every family of this module
 * through its services file, never naming a class here (it could not: expressions does not depend
 * on this module, so an upward reference fails its compilation).
 */
class BuiltinFunctionFamiliesTest {
    /** One function of each family {@link BuiltinFunctionFamilies} registers. */
    private static final Map<String, String> ONE_PER_FAMILY = Map.ofEntries(
            Map.entry("CoreFunctions", "explode"), Map.entry("StringFunctions", "upper"),
            Map.entry("ConditionalFunctions", "coalesce"), Map.entry("PredicateFunctions", "ilike"),
            Map.entry("BitwiseFunctions", "shiftleft"), Map.entry("RegexpFunctions", "regexp_extract"),
            Map.entry("CodecFunctions", "base64"), Map.entry("TextFunctions", "format_number"),
            Map.entry("DateTimeFunctions", "dateadd"), Map.entry("IntervalFunctions", "make_dt_interval"),
            Map.entry("TimestampNtzFunctions", "localtimestamp"), Map.entry("MathFunctions", "pi"),
            Map.entry("ArrayFunctions", "array_insert"), Map.entry("ArraySetFunctions", "array_position"),
            Map.entry("MapFunctions", "map"), Map.entry("StructFunctions", "named_struct"),
            Map.entry("JsonFunctions", "from_json"), Map.entry("VariantFunctions", "try_parse_json"),
            Map.entry("SketchFunctions", "hll_union"), Map.entry("AggregateFunctions", "count_if"),
            Map.entry("WindowFunctions", "ntile"), Map.entry("CsvFunctions", "from_csv"),
            Map.entry("LambdaFunctions", "transform"), Map.entry("MiscFunctions", "spark_partition_id"),
            Map.entry("XPathFunctions", "xpath_int"), Map.entry("CryptoFunctions", "aes_encrypt"),
            Map.entry("XmlFunctions", "to_xml"), Map.entry("TextCheckFunctions", "url_decode"),
            Map.entry("RandomTextFunctions", "randstr"), Map.entry("ReflectFunctions", "try_reflect"),
            Map.entry("GroupingFunctions", "grouping_id"));

    @Test
    void theServicesFileNamesTheBuiltinFamilies() {
        List<Class<?>> found = ServiceLoader.load(FunctionFamily.class).stream().<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertEquals(List.of(BuiltinFunctionFamilies.class), found);
    }

    @Test
    void theRegistryKnowsAFunctionOfEachFamily() {
        ONE_PER_FAMILY.forEach((family, function) ->
                assertTrue(FunctionRegistry.exists(function), family + "'s " + function + " is not registered"));
    }
}
