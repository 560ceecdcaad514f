package io.memsafe.harden.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked, endian-aware reads over an immutable window of a file.
 *
 * <p>Every offset and length that comes out of a file header is untrusted: each read checks
 * {@code offset + length <= size} without overflowing and throws {@link MalformedBinaryException}
 * otherwise. Readers never allocate more than the bytes they were asked to decode, and strings are
 * capped, so a hostile header cannot make memsafe allocate gigabytes or loop for long.
 */
public final class ByteView {
    /** Longest C string we decode; symbol names and paths beyond this are truncated, not an error. */
    public static final int MAX_STRING = 4096;

    private final ByteBuffer buffer;
    private final long size;

    public ByteView(ByteBuffer buffer, ByteOrder order) {
        this.buffer = buffer.duplicate().order(order);
        this.size = buffer.limit();
    }

    public ByteView withOrder(ByteOrder order) {
        return new ByteView(buffer, order);
    }

    public ByteOrder order() {
        return buffer.order();
    }

    public long size() {
        return size;
    }

    /** True when {@code [offset, offset+length)} lies inside the view. */
    public boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
    }

    public void require(long offset, long length, String what) {
        if (!contains(offset, length)) {
            throw new MalformedBinaryException(what + " at offset " + Long.toUnsignedString(offset)
                    + " (" + Long.toUnsignedString(length) + " bytes) lies outside the file of " + size + " bytes");
        }
    }

    public int u8(long offset, String what) {
        require(offset, 1, what);
        return buffer.get((int) offset) & 0xff;
    }

    public int u16(long offset, String what) {
        require(offset, 2, what);
        return buffer.getShort((int) offset) & 0xffff;
    }

    public long u32(long offset, String what) {
        require(offset, 4, what);
        return buffer.getInt((int) offset) & 0xffffffffL;
    }

    /** An unsigned 64-bit value; callers treat values above {@code Long.MAX_VALUE} as "too large". */
    public long u64(long offset, String what) {
        require(offset, 8, what);
        return buffer.getLong((int) offset);
    }

    /** A 4- or 8-byte word, as ELF and PE fields change width with the file class. */
    public long word(long offset, boolean wide, String what) {
        return wide ? u64(offset, what) : u32(offset, what);
    }

    /**
     * A NUL-terminated string starting at {@code offset}, read up to {@code limit} (exclusive) and at
     * most {@link #MAX_STRING} bytes; an unterminated string ends at the limit.
     */
    public String cString(long offset, long limit, String what) {
        long end = Math.min(Math.min(limit, size), offset + MAX_STRING);
        if (offset < 0 || offset >= end) {
            require(offset, 1, what);
            return "";
        }
        int start = (int) offset;
        int i = start;
        while (i < end && buffer.get(i) != 0) {
            i++;
        }
        byte[] bytes = new byte[i - start];
        buffer.get(start, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    public byte[] bytes(long offset, int length, String what) {
        require(offset, length, what);
        byte[] out = new byte[length];
        buffer.get((int) offset, out);
        return out;
    }

    /** Raw byte without the exception path, for hot scanning loops that have checked bounds. */
    public byte byteAt(long offset) {
        return buffer.get((int) offset);
    }

    /** True when the file ends with {@code suffix}. */
    public boolean endsWith(byte[] suffix) {
        if (suffix.length > size) {
            return false;
        }
        long start = size - suffix.length;
        for (int i = 0; i < suffix.length; i++) {
            if (buffer.get((int) (start + i)) != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Index of {@code needle} in {@code [from, to)}, or -1. Plain scan: needles are short and rare. */
    public long indexOf(byte[] needle, long from, long to) {
        long end = Math.min(to, size) - needle.length;
        byte first = needle[0];
        outer:
        for (long i = Math.max(0, from); i <= end; i++) {
            if (buffer.get((int) i) != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (buffer.get((int) (i + j)) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
