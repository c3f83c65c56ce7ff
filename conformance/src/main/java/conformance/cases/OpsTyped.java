package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.api.java.function.FilterFunction;
import io.tideway.api.java.function.FlatMapFunction;
import io.tideway.api.java.function.MapFunction;
import io.tideway.api.java.function.MapPartitionsFunction;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static conformance.cases.OpsData.devices;
import static conformance.cases.OpsData.error;
import static conformance.cases.OpsData.fields;
import static conformance.cases.OpsData.json;
import static conformance.cases.OpsData.run;
import static conformance.cases.OpsData.types;
import static io.tideway.sql.functions.col;

/** The typed API on a streaming Dataset: map, flatMap, filter, mapPartitions, encoders and beans. */
public final class OpsTyped {
    private OpsTyped() {
    }

    /** The guide's {@code DeviceData}, as a Java bean. */
    public static class Device implements Serializable {
        private static final long serialVersionUID = 1L;
        private String device;
        private String deviceType;
        private Double signal;
        private String time;

        public String getDevice() {
            return device;
        }

        public void setDevice(String device) {
            this.device = device;
        }

        public String getDeviceType() {
            return deviceType;
        }

        public void setDeviceType(String deviceType) {
            this.deviceType = deviceType;
        }

        public Double getSignal() {
            return signal;
        }

        public void setSignal(Double signal) {
            this.signal = signal;
        }

        public String getTime() {
            return time;
        }

        public void setTime(String time) {
            this.time = time;
        }

        @Override
        public String toString() {
            return "Device(" + device + ", " + deviceType + ", " + signal + ", " + time + ")";
        }
    }

    /** A bean the typed cases produce: a boxed string and two primitives. */
    public static class Reading implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private int level;
        private boolean strong;

        public Reading() {
        }

        public Reading(String name, int level, boolean strong) {
            this.name = name;
            this.level = level;
            this.strong = strong;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getLevel() {
            return level;
        }

        public void setLevel(int level) {
            this.level = level;
        }

        public boolean isStrong() {
            return strong;
        }

        public void setStrong(boolean strong) {
            this.strong = strong;
        }

        @Override
        public String toString() {
            return "Reading(" + name + ", " + level + ", " + strong + ")";
        }
    }

    /** A bean with a property the devices do not have. */
    public static class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        private String device;
        private String vendor;

        public String getDevice() {
            return device;
        }

        public void setDevice(String device) {
            this.device = device;
        }

        public String getVendor() {
            return vendor;
        }

        public void setVendor(String vendor) {
            this.vendor = vendor;
        }

        @Override
        public String toString() {
            return "Gadget(" + device + ", " + vendor + ")";
        }
    }

    private static Dataset<String> lines(CaseContext ctx) throws Exception {
        return json(ctx, "s STRING", new String[] {"{\"s\":\"apache spark\"}", "{\"s\":\"tideway\"}"},
                new String[] {"{\"s\":\"a b  c\"}", "{\"s\":\"\"}"}).as(Encoders.STRING());
    }

    @Case
    public static void mapStrings(CaseContext ctx) throws Exception {
        Dataset<String> up = lines(ctx).map((MapFunction<String, String>) s -> s.toUpperCase(Locale.ROOT) + "!", Encoders.STRING());
        ctx.println(String.join(",", up.columns()));
        run(ctx, up);
    }

    @Case
    public static void mapToLongAndInt(CaseContext ctx) throws Exception {
        Dataset<String> ds = lines(ctx);
        Dataset<Integer> lengths = ds.map((MapFunction<String, Integer>) String::length, Encoders.INT());
        Dataset<Long> doubled = lengths.map((MapFunction<Integer, Long>) n -> 2L * n + 10_000_000_000L, Encoders.LONG());
        fields(ctx, lengths);
        fields(ctx, doubled);
        run(ctx, doubled);
    }

    @Case
    public static void flatMapSplitsWords(CaseContext ctx) throws Exception {
        Dataset<String> words = lines(ctx).flatMap(
                (FlatMapFunction<String, String>) s -> Arrays.asList(s.split(" ")).iterator(), Encoders.STRING());
        run(ctx, words);
    }

    @Case
    public static void filterFunction(CaseContext ctx) throws Exception {
        run(ctx, lines(ctx).filter((FilterFunction<String>) s -> s.contains("a")));
    }

    @Case
    public static void mapPartitions(CaseContext ctx) throws Exception {
        Dataset<String> out = lines(ctx).mapPartitions((MapPartitionsFunction<String, String>) it -> {
            List<String> res = new ArrayList<>();
            while (it.hasNext()) {
                String s = it.next();
                res.add("<" + s + ">");
                res.add(String.valueOf(s.length()));
            }
            return res.iterator();
        }, Encoders.STRING());
        run(ctx, out);
    }

    /** The guide's {@code ds.filter(_.signal > 10).map(_.device)} with a bean for {@code DeviceData}. */
    @Case
    public static void guideTypedFilterMap(CaseContext ctx) throws Exception {
        Dataset<Device> ds = devices(ctx).as(Encoders.bean(Device.class));
        Dataset<String> strong = ds.filter((FilterFunction<Device>) d -> d.getSignal() != null && d.getSignal() > 10)
                .map((MapFunction<Device, String>) Device::getDevice, Encoders.STRING());
        run(ctx, strong);
    }

    @Case
    public static void asBeanCollectsBeans(CaseContext ctx) throws Exception {
        Dataset<Device> ds = devices(ctx).select("time", "signal", "device", "deviceType").as(Encoders.bean(Device.class));
        run(ctx, ds);
    }

    @Case
    public static void asBeanKeepsColumns(CaseContext ctx) throws Exception {
        Dataset<Device> ds = devices(ctx).select("time", "signal", "device", "deviceType").as(Encoders.bean(Device.class));
        ctx.println(String.join(",", ds.columns()));
        fields(ctx, ds);
        ctx.println(String.join(",", ds.select("device").columns()));
    }

    @Case
    public static void mapToBean(CaseContext ctx) throws Exception {
        Dataset<Reading> ds = devices(ctx).as(Encoders.bean(Device.class)).map((MapFunction<Device, Reading>) d ->
                new Reading(d.getDevice(), d.getSignal() == null ? -1 : (int) Math.round(d.getSignal()),
                        d.getSignal() != null && d.getSignal() > 10), Encoders.bean(Reading.class));
        ctx.println(String.join(",", ds.columns()));
        fields(ctx, ds);
        run(ctx, ds);
    }

    @Case
    public static void beanDatasetToUntyped(CaseContext ctx) throws Exception {
        Dataset<Reading> ds = devices(ctx).as(Encoders.bean(Device.class)).map((MapFunction<Device, Reading>) d ->
                new Reading(d.getDeviceType(), 1, true), Encoders.bean(Reading.class));
        Dataset<Row> df = ds.where(col("level").gt(0)).select(col("name"), col("level").plus(1));
        run(ctx, df);
    }

    @Case
    public static void typedThenGroupByCount(CaseContext ctx) throws Exception {
        Dataset<String> words = lines(ctx).flatMap(
                (FlatMapFunction<String, String>) s -> Arrays.asList(s.split(" ")).iterator(), Encoders.STRING());
        run(ctx, words.groupBy("value").count(), "complete");
    }

    @Case
    public static void asPrimitiveEncoders(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        run(ctx, df.select("l").as(Encoders.LONG()));
        run(ctx, df.select("d").as(Encoders.DOUBLE()));
        run(ctx, df.select("b").as(Encoders.BOOLEAN()));
    }

    @Case
    public static void asStringOnTwoColumnsRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "as(STRING)", () -> df.select("device", "deviceType").as(Encoders.STRING()));
    }

    @Case
    public static void asBeanMissingPropertyRefused(CaseContext ctx) throws Exception {
        Dataset<Row> df = devices(ctx);
        error(ctx, "as(bean)", () -> df.as(Encoders.bean(Gadget.class)));
    }

    @Case
    public static void asStringUpcastsInt(CaseContext ctx) throws Exception {
        Dataset<Row> df = types(ctx);
        error(ctx, "int as STRING", () -> run(ctx, df.select("i").as(Encoders.STRING())));
        error(ctx, "string as INT", () -> df.select("s").as(Encoders.INT()));
    }
}
