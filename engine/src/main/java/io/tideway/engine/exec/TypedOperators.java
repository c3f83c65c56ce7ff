package io.tideway.engine.exec;

import io.tideway.api.java.function.FilterFunction;
import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapPartitionsFunction;
import io.tideway.engine.encoders.ObjectEncoder;
import io.tideway.engine.plan.TypedOperator;
import io.tideway.offheap.row.RowReader;
import io.tideway.offheap.row.RowWriter;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Operators that run user functions on objects: rows are decoded with the input encoder and
 * results encoded with the output encoder (this is where typed APIs allocate, as in Spark).
 */
final class TypedOperators {
    private TypedOperators() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Operator create(TypedOperator t, Operator next) {
        ObjectEncoder.Converter in = t.input().newConverter();
        ObjectEncoder.Converter out = t.output().newConverter();
        RowReader reader = new RowReader(t.child().schema().length());
        RowScratch scratch = new RowScratch(t.output().schema().length());
        return switch (t.kind()) {
            case MAP -> new Operator() {
                @Override
                public void accept(DirectBuffer buffer, int offset, int length) {
                    Object value = UserFunctionException.call(() -> ((MapFunction) t.function()).call(in.read(reader.wrap(buffer, offset, length))));
                    emit(out, scratch, value, next);
                }

                @Override
                public void finish() {
                    next.finish();
                }
            };
            case FLAT_MAP -> new Operator() {
                @Override
                public void accept(DirectBuffer buffer, int offset, int length) {
                    Iterator<?> it = UserFunctionException.call(() -> ((FlatMapFunction) t.function()).call(in.read(reader.wrap(buffer, offset, length))));
                    while (it.hasNext()) {
                        emit(out, scratch, it.next(), next);
                    }
                }

                @Override
                public void finish() {
                    next.finish();
                }
            };
            case FILTER -> new Operator() {
                @Override
                public void accept(DirectBuffer buffer, int offset, int length) {
                    Boolean keep = UserFunctionException.call(() -> ((FilterFunction) t.function()).call(in.read(reader.wrap(buffer, offset, length))));
                    if (keep) {
                        next.accept(buffer, offset, length);
                    }
                }

                @Override
                public void finish() {
                    next.finish();
                }
            };
            case MAP_PARTITIONS -> new Operator() {
                private final List<Object> partition = new ArrayList<>();

                @Override
                public void accept(DirectBuffer buffer, int offset, int length) {
                    partition.add(in.read(reader.wrap(buffer, offset, length)));
                }

                @Override
                public void finish() {
                    Iterator<?> it = UserFunctionException.call(() -> ((MapPartitionsFunction) t.function()).call(partition.iterator()));
                    while (it.hasNext()) {
                        emit(out, scratch, it.next(), next);
                    }
                    partition.clear();
                    next.finish();
                }
            };
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void emit(ObjectEncoder.Converter out, RowScratch scratch, Object value, Operator next) {
        RowWriter w = scratch.begin();
        out.write(value, w);
        next.accept(scratch.buffer, 0, w.finish());
    }
}
