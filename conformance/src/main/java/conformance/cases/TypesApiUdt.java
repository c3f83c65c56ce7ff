package conformance.cases;

import conformance.Case;
import conformance.CaseContext;
import io.tideway.sql.Dataset;
import io.tideway.sql.Encoders;
import io.tideway.sql.Row;
import io.tideway.sql.RowFactory;
import io.tideway.sql.types.DataType;
import io.tideway.sql.types.DataTypes;
import io.tideway.sql.types.SQLUserDefinedType;
import io.tideway.sql.types.StructType;
import io.tideway.sql.types.UDTRegistration;
import io.tideway.sql.types.UserDefinedType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import static conformance.cases.OpsData.error;
import static io.tideway.sql.functions.col;
import static io.tideway.sql.functions.unwrap_udt;

/** User-defined types: a user class stored as a SQL type through its {@code UserDefinedType}, in schemas, JSON and DataFrames. */
public final class TypesApiUdt {
    private TypesApiUdt() {
    }

    /** An amount of money in cents, stored as a {@code bigint}. */
    @SQLUserDefinedType(udt = CentsUDT.class)
    public static final class Cents implements Serializable {
        private static final long serialVersionUID = 1L;
        final long value;

        public Cents(long value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return value / 100 + "." + String.format("%02d", Math.abs(value % 100)) + " EUR";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cents c && c.value == value;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(value);
        }
    }

    /** {@link Cents} as a {@code bigint}. */
    public static final class CentsUDT extends UserDefinedType<Cents> {
        private static final long serialVersionUID = 1L;

        @Override
        public DataType sqlType() {
            return DataTypes.LongType;
        }

        @Override
        public Object serialize(Cents obj) {
            return obj.value;
        }

        @Override
        public Cents deserialize(Object datum) {
            return new Cents((Long) datum);
        }

        @Override
        public Class<Cents> userClass() {
            return Cents.class;
        }
    }

    /** A class registered by name rather than annotated. */
    public static final class Flag implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Case
    public static void typeItself(CaseContext ctx) {
        CentsUDT udt = new CentsUDT();
        ctx.println(udt.typeName() + " " + udt.simpleString() + " " + udt.catalogString() + " " + udt.sql() + " "
                + udt.defaultSize() + " " + udt.userClass().getSimpleName() + " " + udt.sqlType() + " " + udt.pyUDT()
                + " " + udt.serializedPyClass());
        ctx.println(udt.json());
        ctx.println(udt.prettyJson());
        ctx.println(udt.equals(new CentsUDT()) + " " + (udt.hashCode() == new CentsUDT().hashCode()) + " "
                + udt.equals(DataTypes.LongType));
        StructType s = new StructType().add("amount", udt).add("id", DataTypes.IntegerType);
        ctx.println(s.json());
        ctx.println(s.simpleString() + " | " + s.catalogString() + " | " + s.sql() + " | " + s.toDDL());
        ctx.println(s.treeString());
    }

    @Case
    public static void jsonRoundTrip(CaseContext ctx) {
        StructType s = new StructType().add("amount", new CentsUDT(), false);
        error(ctx, "fromJson", () -> ctx.println(String.valueOf(DataType.fromJson(s.json()).equals(s))));
    }

    @Case
    public static void registration(CaseContext ctx) {
        String user = Flag.class.getName();
        ctx.println(UDTRegistration.exists(user) + " " + UDTRegistration.getUDTFor(user));
        UDTRegistration.register(user, CentsUDT.class.getName());
        ctx.println(UDTRegistration.exists(user) + " " + UDTRegistration.getUDTFor(user));
        ctx.println(UDTRegistration.exists(Cents.class.getName()));
    }

    private static Dataset<Row> amounts(CaseContext ctx) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("amount", new CentsUDT());
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(1, new Cents(1250)));
        rows.add(RowFactory.create(2, new Cents(-5)));
        rows.add(RowFactory.create(3, null));
        return ctx.spark().createDataFrame(rows, schema);
    }

    @Case
    public static void dataFrameOfUdt(CaseContext ctx) {
        Dataset<Row> df = amounts(ctx);
        df.printSchema();
        ctx.show(df);
        List<Row> rows = df.collectAsList();
        for (Row r : rows) {
            Object a = r.get(1);
            ctx.println(r.getInt(0) + ": " + (a == null ? "null" : a.getClass().getSimpleName() + " " + a));
        }
        df.show();
    }

    @Case
    public static void projectAndFilterUdt(CaseContext ctx) {
        Dataset<Row> df = amounts(ctx).filter(col("id").lt(3)).select(col("amount"), col("id"));
        df.printSchema();
        ctx.show(df);
        df.show();
    }

    @Case
    public static void unwrapUdt(CaseContext ctx) {
        Dataset<Row> df = amounts(ctx).select(col("id"), unwrap_udt(col("amount")));
        df.printSchema();
        ctx.show(df);
        ctx.println(String.join(",", df.columns()));
    }

    /** A bean with a property of a user-defined type. */
    public static final class Account implements Serializable {
        private static final long serialVersionUID = 1L;
        private String owner;
        private Cents balance;

        public Account() {
        }

        public Account(String owner, Cents balance) {
            this.owner = owner;
            this.balance = balance;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public Cents getBalance() {
            return balance;
        }

        public void setBalance(Cents balance) {
            this.balance = balance;
        }
    }

    @Case
    public static void beanWithUdtProperty(CaseContext ctx) {
        Dataset<Account> ds = ctx.spark().createDataset(List.of(new Account("ann", new Cents(700)),
                new Account("bob", null)), Encoders.bean(Account.class));
        ds.printSchema();
        for (Account a : ds.collectAsList()) {
            ctx.println(a.getOwner() + " " + a.getBalance());
        }
        ds.toDF().show();
    }
}
