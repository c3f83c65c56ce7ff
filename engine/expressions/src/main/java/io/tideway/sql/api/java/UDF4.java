package io.tideway.sql.api.java;

import java.io.Serializable;

/**
 * A Java user-defined function of 4 arguments, mirroring Spark's {@code UDF4}: given to
 * {@code functions.udf} or {@code session.udf().register} with its result type. Called on the
 * task's thread, once per row; must be serializable, as Spark ships it to executors.
 */
@FunctionalInterface
public interface UDF4<T1, T2, T3, T4, R> extends Serializable {
    R call(T1 t1, T2 t2, T3 t3, T4 t4) throws Exception;
}
