package io.tideway.offheap;

import sun.misc.Unsafe;

import java.lang.reflect.Field;

/**
 * Unchecked memory access for the few hot paths that read or write a row's bytes by address
 * (generated chains, the continuous task's slot reads, the rate source's row writes): the one
 * place outside Agrona that touches {@code sun.misc.Unsafe}. {@code sun.misc.Unsafe} lives in
 * {@code jdk.unsupported}, which the JDK opens to every class, so no JVM flag is needed. Callers
 * bounds-check first; {@code base} is a heap array or null, {@code address} an absolute address
 * or an offset within the array (as {@code DirectBuffer.byteArray()/addressOffset()} give).
 */
public final class Memory {
    private static final Unsafe UNSAFE;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Memory() {
    }

    public static byte getByte(Object base, long address) {
        return UNSAFE.getByte(base, address);
    }

    public static int getInt(Object base, long address) {
        return UNSAFE.getInt(base, address);
    }

    public static long getLong(Object base, long address) {
        return UNSAFE.getLong(base, address);
    }

    public static double getDouble(Object base, long address) {
        return UNSAFE.getDouble(base, address);
    }

    public static void putByte(Object base, long address, byte value) {
        UNSAFE.putByte(base, address, value);
    }

    public static void putInt(Object base, long address, int value) {
        UNSAFE.putInt(base, address, value);
    }

    public static void putLong(Object base, long address, long value) {
        UNSAFE.putLong(base, address, value);
    }

    public static void putDouble(Object base, long address, double value) {
        UNSAFE.putDouble(base, address, value);
    }
}
