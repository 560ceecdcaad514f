package io.memsafe.harden.pe;

import io.memsafe.harden.binary.ByteView;
import io.memsafe.harden.binary.MalformedBinaryException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;

/**
 * Checks that the digest signed in an Authenticode signature matches the image, i.e. that the file was not
 * modified after signing. It does <em>not</em> verify the PKCS#7 signature or the certificate chain (that
 * needs trust roots; Windows uses WinVerifyTrust).
 *
 * <p>The signed digest sits in PKCS#7 {@code SignedData.encapContentInfo}, an {@code SpcIndirectDataContent}
 * (OID 1.3.6.1.4.1.311.2.1.4) whose {@code DigestInfo} names the hash algorithm. The image hash covers the
 * whole file except the optional header's CheckSum, the certificate-table directory entry and the
 * certificate table itself (PE/COFF specification, "Process for Generating the Authenticode PE Image Hash";
 * for images whose sections are laid out in order, as every linker does, hashing the bytes between the
 * headers and the certificate table in file order is the same as hashing the sections sorted by offset).
 */
public final class AuthenticodeDigest {
    public record Result(String algorithm, Boolean matches, String problem) {}

    private static final byte[] OID_SPC_INDIRECT_DATA = {0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x01, 0x04};
    private static final Map<String, String> ALGORITHMS = Map.of(
            "2b0e03021a", "SHA-1",
            "608648016503040201", "SHA-256",
            "608648016503040202", "SHA-384",
            "608648016503040203", "SHA-512",
            "2a864886f70d0205", "MD5");

    private AuthenticodeDigest() {}

    /** @param certificate offset of the PKCS#7 bytes (after the 8-byte WIN_CERTIFICATE header) and their length */
    static Result verify(ByteView data, boolean plus, long optionalHeader, long certificate, long certificateLength,
                         long tableOffset, long tableSize) {
        byte[] signed;
        String algorithm;
        try {
            Der der = new Der(data, certificate, certificate + certificateLength);
            long contentInfo = der.enter(0x30, der.start);                 // ContentInfo
            long signedData = der.enter(0xa0, der.skip(contentInfo));      // [0] after contentType OID
            long signedDataSeq = der.enter(0x30, signedData);
            long encap = der.skip(der.skip(signedDataSeq));                // skip version, digestAlgorithms
            long encapSeq = der.enter(0x30, encap);
            if (!Arrays.equals(der.value(0x06, encapSeq), OID_SPC_INDIRECT_DATA)) {
                return new Result(null, null, "signed content is not SpcIndirectDataContent");
            }
            long content = der.enter(0xa0, der.skip(encapSeq));
            long indirect = der.enter(0x30, content);
            long digestInfo = der.enter(0x30, der.skip(indirect));         // skip SpcAttributeTypeAndOptionalValue
            long algorithmId = der.enter(0x30, digestInfo);
            String oid = hex(der.value(0x06, algorithmId));
            algorithm = ALGORITHMS.get(oid);
            if (algorithm == null) return new Result("oid:" + oid, null, "unknown digest algorithm");
            signed = der.value(0x04, der.skip(digestInfo));
        } catch (MalformedBinaryException e) {
            return new Result(null, null, "PKCS#7 structure unreadable: " + e.getMessage());
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return new Result(algorithm, null, "digest algorithm not available in this JVM");
        }
        long checksum = optionalHeader + 64;
        long certificateEntry = optionalHeader + (plus ? 112 : 96) + 8L * PeImage.DIR_SECURITY;
        update(md, data, 0, checksum);
        update(md, data, checksum + 4, certificateEntry);
        update(md, data, certificateEntry + 8, tableOffset);
        update(md, data, tableOffset + tableSize, data.size());
        return new Result(algorithm, MessageDigest.isEqual(md.digest(), signed), null);
    }

    private static void update(MessageDigest md, ByteView data, long from, long to) {
        for (long at = from; at < to; ) {
            int n = (int) Math.min(64 * 1024, to - at);
            md.update(data.bytes(at, n, "hashed image bytes"));
            at += n;
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) sb.append(String.format("%02x", b));
        return sb.toString();
    }

    /** Just enough DER: definite lengths, single-byte tags, every length checked against its parent. */
    private static final class Der {
        final ByteView data;
        final long start, end;

        Der(ByteView data, long start, long end) {
            this.data = data;
            this.start = start;
            this.end = end;
        }

        /** [header length, content length] of the element at {@code at}. */
        private long[] header(long at) {
            if (at >= end) throw new MalformedBinaryException("DER element past the end of the signature");
            int first = data.u8(at + 1, "DER length");
            long[] h;
            if (first < 0x80) {
                h = new long[] {2, first};
            } else {
                int bytes = first & 0x7f;
                if (bytes == 0 || bytes > 4) throw new MalformedBinaryException("unsupported DER length form");
                long length = 0;
                for (int i = 0; i < bytes; i++) length = (length << 8) | data.u8(at + 2 + i, "DER length");
                h = new long[] {2 + bytes, length};
            }
            if (at + h[0] + h[1] > end) throw new MalformedBinaryException("DER element overruns the signature");
            return h;
        }

        /** Offset of the contents of the element at {@code at}, which must have {@code tag}. */
        long enter(int tag, long at) {
            int actual = data.u8(at, "DER tag");
            if (actual != tag) throw new MalformedBinaryException(String.format("expected DER tag 0x%02x, found 0x%02x", tag, actual));
            return at + header(at)[0];
        }

        /** Offset just after the element at {@code at}. */
        long skip(long at) {
            long[] h = header(at);
            return at + h[0] + h[1];
        }

        byte[] value(int tag, long at) {
            long contents = enter(tag, at);
            long length = header(at)[1];
            if (length > 1024) throw new MalformedBinaryException("DER value too long");
            return data.bytes(contents, (int) length, "DER value");
        }
    }
}
