package io.tideway.sql.api.java;

import java.io.Serializable;

/**
 * A Java user-defined function of 19 arguments, mirroring Spark's {@code UDF19}: given to
 * {@code functions.udf} or {@code session.udf().register} with its result type. Called on the
 * task's thread, once per row; must be serializable, as Spark ships it to executors.
 */
@FunctionalInterface
public interface UDF19<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, T17, T18, T19, R> extends Serializable {
    R call(T1 t1, T2 t2, T3 t3, T4 t4, T5 t5, T6 t6, T7 t7, T8 t8, T9 t9, T10 t10, T11 t11, T12 t12, T13 t13, T14 t14, T15 t15, T16 t16, T17 t17, T18 t18, T19 t19) throws Exception;
}
