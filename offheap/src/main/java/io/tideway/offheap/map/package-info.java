/**
 * Off-heap state-store structures. {@link io.tideway.offheap.map.BytesToBytesMap} maps binary
 * keys to binary values in off-heap pages ({@link io.tideway.offheap.map.MapRecordDescriptor}
 * gives the record layout), hashed with {@link io.tideway.offheap.map.Murmur3Hash} so callers
 * can partition by the same function; iterate it with
 * {@link io.tideway.offheap.map.BytesToBytesMap#forEach} or a
 * {@link io.tideway.offheap.map.MapCursor}. Everything here is single-threaded: one task thread
 * owns a map.
 */
package io.tideway.offheap.map;
