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
    static final int LOAD_CONFIG_AT = 64, DEBUG_DIRECTORY_AT = 512, DEBUG_DATA_AT = 600, CLR_HEADER_AT = 640;

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

    /**
     * An IMAGE_COR20_HEADER (72 bytes, runtime 2.5) in data directory 14, what csc writes for an assembly;
     * {@code flags} is COMIMAGE_FLAGS_* (1 = IL only). The metadata it points at is not needed by the checks.
     */
    PeFixturePatcher clrHeader(int flags) {
        int at = blobOffset + CLR_HEADER_AT;
        for (int i = 0; i < 72; i++) image[at + i] = 0;
        b.putInt(at, 72).putShort(at + 4, (short) 2).putShort(at + 6, (short) 5);
        b.putInt(at + 16, flags);
        setDirectory(14, blobRva + CLR_HEADER_AT, 72);
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

    /**
     * Appends an Authenticode-shaped PKCS#7 SignedData whose SpcIndirectDataContent carries the SHA-256
     * image hash, computed here from the specification (everything but CheckSum, the certificate directory
     * entry and the certificate table). No signer: memsafe checks the digest, not the signature.
     */
    byte[] withAuthenticode() throws java.security.NoSuchAlgorithmException {
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        int checksum = optionalHeader + 64;
        int certificateEntry = optionalHeader + (plus ? 112 : 96) + 8 * 4;
        sha256.update(image, 0, checksum);
        sha256.update(image, checksum + 4, certificateEntry - checksum - 4);
        sha256.update(image, certificateEntry + 8, image.length - certificateEntry - 8);
        byte[] sha256Oid = {0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01};
        byte[] algorithm = der(0x30, der(0x06, sha256Oid), der(0x05));
        byte[] indirect = der(0x30,
                der(0x30, der(0x06, new byte[] {0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x01, 0x0f}), der(0x30)),
                der(0x30, algorithm, der(0x04, sha256.digest())));
        byte[] encapsulated = der(0x30, der(0x06, new byte[] {0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x01, 0x04}),
                der(0xa0, indirect));
        byte[] signedData = der(0x30, der(0x02, new byte[] {1}), der(0x31, algorithm), encapsulated, der(0x31));
        byte[] pkcs7 = der(0x30, der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02}),
                der(0xa0, signedData));
        int tableSize = (8 + pkcs7.length + 7) & ~7;
        byte[] signed = java.util.Arrays.copyOf(image, image.length + tableSize);
        ByteBuffer s = ByteBuffer.wrap(signed).order(ByteOrder.LITTLE_ENDIAN);
        s.putInt(image.length, 8 + pkcs7.length).putShort(image.length + 4, (short) 0x200).putShort(image.length + 6, (short) 2);
        System.arraycopy(pkcs7, 0, signed, image.length + 8, pkcs7.length);
        s.putInt(certificateEntry, image.length).putInt(certificateEntry + 4, tableSize);
        return signed;
    }

    private static byte[] der(int tag, byte[]... parts) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) body.writeBytes(p);
        int n = body.size();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    byte[] bytes() {
        return image.clone();
    }
}
