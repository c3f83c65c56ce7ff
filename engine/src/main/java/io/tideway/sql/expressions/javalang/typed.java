package io.tideway.sql.expressions.javalang;

import io.tideway.api.java.function.MapFunction;
import io.tideway.engine.exec.UserFunctionException;
import io.tideway.sql.Encoder;
import io.tideway.sql.Encoders;
import io.tideway.sql.TypedColumn;
import io.tideway.sql.expressions.Aggregator;
import scala.Tuple2;

/**
 * Spark's deprecated typed aggregations for Java ({@code org.apache.spark.sql.expressions.javalang.typed},
 * still in Spark 4.0): {@link Aggregator}s over a function of each object, for
 * {@code KeyValueGroupedDataset.agg} and {@code Dataset.select}. Their columns are named as
 * Spark's ({@code TypedSumDouble(java.lang.String)}) and, as Spark's, never null.
 *
 * @deprecated as in Spark: use {@code functions.udaf} or an {@link Aggregator} of your own
 */
@Deprecated
@SuppressWarnings("checkstyle:TypeName") // Spark's class name
public final class typed {
    private typed() {
    }

    /** The average of {@code f} over the objects. */
    public static <T> TypedColumn<T, Double> avg(MapFunction<T, Double> f) {
        return new TypedAverage<>(f).toColumn();
    }

    /** How many objects {@code f} gives a non-null value for. */
    public static <T> TypedColumn<T, Long> count(MapFunction<T, Object> f) {
        return new TypedCount<>(f).toColumn();
    }

    /** The sum of {@code f} over the objects. */
    public static <T> TypedColumn<T, Double> sum(MapFunction<T, Double> f) {
        return new TypedSumDouble<>(f).toColumn();
    }

    /** The sum of {@code f} over the objects, as a long. */
    public static <T> TypedColumn<T, Long> sumLong(MapFunction<T, Long> f) {
        return new TypedSumLong<>(f).toColumn();
    }

    private static <T, R> R apply(MapFunction<T, R> f, T value) {
        try {
            return f.call(value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UserFunctionException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Encoder<T> primitive(Encoder<Object> encoder) {
        return (Encoder<T>) encoder;
    }

    /** Named as Spark's aggregator class, which the column's name shows. */
    private static final class TypedSumDouble<T> extends Aggregator<T, Double, Double> {
        private static final long serialVersionUID = 1L;
        private final MapFunction<T, Double> f;

        TypedSumDouble(MapFunction<T, Double> f) {
            this.f = f;
        }

        @Override
        public Double zero() {
            return 0.0;
        }

        @Override
        public Double reduce(Double b, T a) {
            return b + apply(f, a);
        }

        @Override
        public Double merge(Double b1, Double b2) {
            return b1 + b2;
        }

        @Override
        public Double finish(Double reduction) {
            return reduction;
        }

        @Override
        public Encoder<Double> bufferEncoder() {
            return primitive(Encoders.scalaDouble());
        }

        @Override
        public Encoder<Double> outputEncoder() {
            return primitive(Encoders.scalaDouble());
        }
    }

    private static final class TypedSumLong<T> extends Aggregator<T, Long, Long> {
        private static final long serialVersionUID = 1L;
        private final MapFunction<T, Long> f;

        TypedSumLong(MapFunction<T, Long> f) {
            this.f = f;
        }

        @Override
        public Long zero() {
            return 0L;
        }

        @Override
        public Long reduce(Long b, T a) {
            return b + apply(f, a);
        }

        @Override
        public Long merge(Long b1, Long b2) {
            return b1 + b2;
        }

        @Override
        public Long finish(Long reduction) {
            return reduction;
        }

        @Override
        public Encoder<Long> bufferEncoder() {
            return primitive(Encoders.scalaLong());
        }

        @Override
        public Encoder<Long> outputEncoder() {
            return primitive(Encoders.scalaLong());
        }
    }

    private static final class TypedCount<T> extends Aggregator<T, Long, Long> {
        private static final long serialVersionUID = 1L;
        private final MapFunction<T, Object> f;

        TypedCount(MapFunction<T, Object> f) {
            this.f = f;
        }

        @Override
        public Long zero() {
            return 0L;
        }

        @Override
        public Long reduce(Long b, T a) {
            return apply(f, a) == null ? b : b + 1;
        }

        @Override
        public Long merge(Long b1, Long b2) {
            return b1 + b2;
        }

        @Override
        public Long finish(Long reduction) {
            return reduction;
        }

        @Override
        public Encoder<Long> bufferEncoder() {
            return primitive(Encoders.scalaLong());
        }

        @Override
        public Encoder<Long> outputEncoder() {
            return primitive(Encoders.scalaLong());
        }
    }

    /** The buffer is (sum, count). */
    private static final class TypedAverage<T> extends Aggregator<T, Tuple2<Double, Long>, Double> {
        private static final long serialVersionUID = 1L;
        private final MapFunction<T, Double> f;

        TypedAverage(MapFunction<T, Double> f) {
            this.f = f;
        }

        @Override
        public Tuple2<Double, Long> zero() {
            return new Tuple2<>(0.0, 0L);
        }

        @Override
        public Tuple2<Double, Long> reduce(Tuple2<Double, Long> b, T a) {
            return new Tuple2<>(b._1() + apply(f, a), b._2() + 1);
        }

        @Override
        public Tuple2<Double, Long> merge(Tuple2<Double, Long> b1, Tuple2<Double, Long> b2) {
            return new Tuple2<>(b1._1() + b2._1(), b1._2() + b2._2());
        }

        @Override
        public Double finish(Tuple2<Double, Long> reduction) {
            return reduction._1() / reduction._2();
        }

        @Override
        public Encoder<Tuple2<Double, Long>> bufferEncoder() {
            return Encoders.tuple(Encoders.DOUBLE(), Encoders.LONG());
        }

        @Override
        public Encoder<Double> outputEncoder() {
            return primitive(Encoders.scalaDouble());
        }
    }
}
