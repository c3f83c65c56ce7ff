package io.tideway.sql;

import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One static Dataset standing at several places of a plan: each place is fed its rows once. */
class SelfJoinTest {
    private final TidewaySession spark = TidewaySession.builder().getOrCreate();
    private final Dataset<Row> people = spark.createDataFrame(List.of(RowFactory.create(1, "ann"),
            RowFactory.create(2, "bob")), new StructType().add("id", DataTypes.IntegerType).add("name", DataTypes.StringType));

    @Test
    void aDatasetJoinedWithItselfFeedsItsProbeSide() {
        assertEquals(2, people.as("x").join(people.as("y"), "id").count());
        assertEquals(4, people.crossJoin(people.select(functions.col("name").as("other"))).count());
    }

    @Test
    void aDatasetUnionedWithItselfFeedsBothPlaces() {
        assertEquals(4, people.union(people).count());
        assertEquals(6, people.union(people).union(people).count());
    }
}
