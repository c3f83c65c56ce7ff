package io.tideway.microbatch.stateful;

import io.tideway.engine.state.StateStore;
import io.tideway.engine.state.StateStoreProvider;
import io.tideway.microbatch.stateful.TransformStateLayout.Element;
import io.tideway.sql.Encoders;
import io.tideway.sql.streaming.ListState;
import io.tideway.sql.streaming.MapState;
import io.tideway.sql.streaming.TTLConfig;
import io.tideway.sql.streaming.TimeMode;
import io.tideway.sql.streaming.ValueState;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The records of a transformWithState partition: their layout, and state variables and timers over them across commits. */
class TransformStateLayoutTest {
    private static final byte[] ALICE = "alice".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BOB = "bob".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRecordKeyHoldsKindNameAndGroupingKey() {
        ExpandableArrayBuffer b = new ExpandableArrayBuffer(16);
        int length = TransformStateLayout.writeKey(b, TransformStateLayout.MAP, TransformStateLayout.name("counts"), ALICE);
        assertEquals(TransformStateLayout.NAME_OFFSET + 6 + ALICE.length, length);
        assertEquals(TransformStateLayout.MAP, TransformStateLayout.kind(b, 0));
        assertEquals("counts", TransformStateLayout.name(b, 0));
        assertEquals(TransformStateLayout.NAME_OFFSET + 6, TransformStateLayout.groupingKeyOffset(b, 0));
    }

    @Test
    void elementsRoundTrip() {
        List<Element> map = List.of(new Element(5L, new byte[] {1}, new byte[] {2, 3}),
                new Element(TransformStateLayout.NO_EXPIRY, new byte[] {4, 5}, new byte[0]));
        ExpandableArrayBuffer b = new ExpandableArrayBuffer(16);
        int length = TransformStateLayout.writeElements(b, map);
        List<Element> read = TransformStateLayout.readElements(b, 0, length, true);
        assertEquals(2, read.size());
        assertEquals(5L, read.get(0).expiryMs());
        assertArrayEquals(new byte[] {4, 5}, read.get(1).key());
        assertArrayEquals(new byte[0], read.get(1).value());
        List<Element> list = List.of(new Element(1L, null, new byte[] {9}));
        length = TransformStateLayout.writeElements(b, list);
        assertArrayEquals(new byte[] {9}, TransformStateLayout.readElements(b, 0, length, false).get(0).value());
    }

    private static ProcessorHandle handle(StateStore store, long batchMs) {
        ProcessorHandle h = new ProcessorHandle(store, TimeMode.ProcessingTime(), batchMs, UUID.randomUUID(), UUID.randomUUID(), 0);
        return h;
    }

    private static <T> List<T> list(scala.collection.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.foreach(out::add);
        return out;
    }

    @Test
    void variablesAndTimersSurviveACommitPerGroupingKey(@TempDir Path dir) {
        try (StateStoreProvider p = new StateStoreProvider(dir, 100, 100)) {
            StateStore store = p.load(0);
            ProcessorHandle h = handle(store, 1_000L);
            ValueState<Long> value = h.getValueState("v", Encoders.LONG(), TTLConfig.NONE());
            ListState<String> values = h.getListState("l", Encoders.STRING(), TTLConfig.NONE());
            MapState<String, Integer> map = h.getMapState("m", Encoders.STRING(), Encoders.INT(), TTLConfig.NONE());
            h.setPhase(ProcessorHandle.Phase.INITIALIZED);
            h.setKey(ALICE);
            value.update(7L);
            values.appendList(new String[] {"x", "y"});
            map.updateValue("k", 1);
            map.updateValue("k", 2);
            h.registerTimer(500L);
            h.registerTimer(2_000L);
            h.setKey(BOB);
            assertFalse(value.exists());
            h.registerTimer(100L);
            p.commit(store);
        }
        try (StateStoreProvider p = new StateStoreProvider(dir, 100, 100)) {
            StateStore store = p.load(1);
            ProcessorHandle h = handle(store, 1_000L);
            ValueState<Long> value = h.getValueState("v", Encoders.LONG(), TTLConfig.NONE());
            ListState<String> values = h.getListState("l", Encoders.STRING(), TTLConfig.NONE());
            MapState<String, Integer> map = h.getMapState("m", Encoders.STRING(), Encoders.INT(), TTLConfig.NONE());
            h.setPhase(ProcessorHandle.Phase.INITIALIZED);
            h.setKey(ALICE);
            assertEquals(7L, value.get());
            assertEquals(List.of("x", "y"), list(values.get()));
            assertEquals(2, map.getValue("k"));
            assertEquals(List.of(500L, 2_000L), list(h.listTimers()));
            List<ExpiredTimers.Timer> expired = ExpiredTimers.below(store, 1_000L);
            assertEquals(List.of(100L, 500L), expired.stream().map(ExpiredTimers.Timer::expiryMs).toList());
            assertArrayEquals(BOB, expired.get(0).key());
        }
    }

    @Test
    void ttlHidesExpiredValuesAndTheSweepRemovesThem(@TempDir Path dir) {
        try (StateStoreProvider p = new StateStoreProvider(dir, 100, 100)) {
            StateStore store = p.load(0);
            ProcessorHandle first = handle(store, 1_000L);
            ValueState<Long> value = first.getValueState("v", Encoders.LONG(), TTLConfig.apply(Duration.ofMillis(10)));
            first.setPhase(ProcessorHandle.Phase.INITIALIZED);
            first.setKey(ALICE);
            value.update(1L);
            assertTrue(value.exists());
            ProcessorHandle later = handle(store, 1_010L);
            ValueState<Long> again = later.getValueState("v", Encoders.LONG(), TTLConfig.apply(Duration.ofMillis(10)));
            later.setPhase(ProcessorHandle.Phase.INITIALIZED);
            later.setKey(ALICE);
            assertNull(again.get());
            assertEquals(1, store.numKeys());
            ExpiredTimers.sweepTtl(store, later);
            assertEquals(0, store.numKeys());
        }
    }
}
