package io.memsafe.harden;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes PE header fields MinGW cannot produce (load configuration with a security cookie, SafeSEH table,
 * CFG guard flags; extended DLL characteristics for CET) into a MinGW-built image. The structures go into
 * {@code fixture_blob}, a read-only array in windows.c located by its marker string; this class reads the
 * section table itself, so the fixture does not depend on the reader under test.
 */
final class PeFixturePatcher {
    static final int LOAD_CONFIG_AT = 64, DEBUG_DIRECTORY_AT = 512, DEBUG_DATA_AT = 600;

    final byte[] image;
    final ByteBuffer b;
    final int optionalHeader;
    final boolean plus;
    final int blobOffset;
    final long blobRva;

    PeFixturePatcher(byte[] image) {
        this.image = image.clone();
        this.b = ByteBuffer.wrap(this.image).order(ByteOrder.LITTLE_ENDIAN);
        int pe = b.getInt(0x3c);
        int sections = b.getShort(pe + 6) & 0xffff;
        int optionalSize = b.getShort(pe + 20) & 0xffff;
        optionalHeader = pe + 24;
        plus = (b.getShort(optionalHeader) & 0xffff) == 0x20b;
        blobOffset = indexOf(this.image, "MEMSAFE-FIXTURE-BLOB".getBytes(StandardCharsets.US_ASCII));
        if (blobOffset < 0) throw new IllegalStateException("fixture blob not found");
        long rva = -1;
        for (int i = 0; i < sections; i++) {
            int s = optionalHeader + optionalSize + 40 * i;
            long va = b.getInt(s + 12) & 0xffffffffL, rawSize = b.getInt(s + 16) & 0xffffffffL, raw = b.getInt(s + 20) & 0xffffffffL;
            if (blobOffset >= raw && blobOffset < raw + rawSize) rva = va + (blobOffset - raw);
        }
        if (rva < 0) throw new IllegalStateException("fixture blob not in any section");
        blobRva = rva;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Overwrites the Characteristics of the section called {@code name}. */
    PeFixturePatcher sectionCharacteristics(String name, long characteristics) {
        int pe = b.getInt(0x3c);
        int sections = b.getShort(pe + 6) & 0xffff;
        int optionalSize = b.getShort(pe + 20) & 0xffff;
        for (int i = 0; i < sections; i++) {
            int s = optionalHeader + optionalSize + 40 * i;
            String sectionName = new String(image, s, 8, StandardCharsets.US_ASCII).replace("\0", "");
            if (sectionName.equals(name)) {
                b.putInt(s + 36, (int) characteristics);
                return this;
            }
        }
        throw new IllegalStateException("no section " + name);
    }

    int dllCharacteristicsOffset() {
        return optionalHeader + 70;
    }

    PeFixturePatcher setDllCharacteristics(int flag, boolean on) {
        int v = b.getShort(dllCharacteristicsOffset()) & 0xffff;
        b.putShort(dllCharacteristicsOffset(), (short) (on ? v | flag : v & ~flag));
        return this;
    }

    int dllCharacteristics() {
        return b.getShort(dllCharacteristicsOffset()) & 0xffff;
    }

    private void setDirectory(int index, long address, long size) {
        int at = optionalHeader + (plus ? 112 : 96) + 8 * index;
        b.putInt(at, (int) address);
        b.putInt(at + 4, (int) size);
    }

    /**
     * A load configuration of the full PE32/PE32+ layout up to GuardFlags, with the given field values
     * (0 = absent). Addresses are arbitrary non-zero VAs: the checks read presence, not targets.
     */
    PeFixturePatcher loadConfig(long securityCookie, long seHandlerTable, long seHandlerCount, long guardCheck, long guardFlags) {
        int at = blobOffset + LOAD_CONFIG_AT;
        int size = plus ? 148 : 92;
        for (int i = 0; i < size; i++) image[at + i] = 0;
        b.putInt(at, size);
        if (plus) {
            b.putLong(at + 88, securityCookie);
            b.putLong(at + 96, seHandlerTable);
            b.putLong(at + 104, seHandlerCount);
            b.putLong(at + 112, guardCheck);
            b.putLong(at + 128, guardCheck == 0 ? 0 : guardCheck + 0x100);
            b.putInt(at + 144, (int) guardFlags);
        } else {
            b.putInt(at + 60, (int) securityCookie);
            b.putInt(at + 64, (int) seHandlerTable);
            b.putInt(at + 68, (int) seHandlerCount);
            b.putInt(at + 72, (int) guardCheck);
            b.putInt(at + 80, (int) (guardCheck == 0 ? 0 : guardCheck + 0x100));
            b.putInt(at + 88, (int) guardFlags);
        }
        setDirectory(10, blobRva + LOAD_CONFIG_AT, size);
        return this;
    }

    /** A one-entry debug directory of type IMAGE_DEBUG_TYPE_EX_DLLCHARACTERISTICS (20). */
    PeFixturePatcher extendedDllCharacteristics(int bits) {
        int at = blobOffset + DEBUG_DIRECTORY_AT;
        for (int i = 0; i < 28; i++) image[at + i] = 0;
        b.putInt(at + 12, 20);
        b.putInt(at + 16, 4);
        b.putInt(at + 20, (int) (blobRva + DEBUG_DATA_AT));
        b.putInt(at + 24, blobOffset + DEBUG_DATA_AT);
        b.putInt(blobOffset + DEBUG_DATA_AT, bits);
        setDirectory(6, blobRva + DEBUG_DIRECTORY_AT, 28);
        return this;
    }

    /** A WIN_CERTIFICATE header (revision 2.0, PKCS#7) appended at the end of the file. */
    byte[] withCertificate() {
        byte[] signed = java.util.Arrays.copyOf(image, image.length + 16);
        ByteBuffer s = ByteBuffer.wrap(signed).order(ByteOrder.LITTLE_ENDIAN);
        s.putInt(image.length, 16);
        s.putShort(image.length + 4, (short) 0x200);
        s.putShort(image.length + 6, (short) 2);
        int dir = optionalHeader + (plus ? 112 : 96) + 8 * 4;
        s.putInt(dir, image.length);
        s.putInt(dir + 4, 16);
        return signed;
    }

    byte[] bytes() {
        return image.clone();
    }
}
