#!/usr/bin/env python3
"""Writes a few well-formed seed inputs per harness into drivers/bin/corpus/NAME/
(git-ignored), so that 15 s of fuzzing gets past the format headers."""
import os
import struct

H = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(H, 'drivers', 'bin', 'corpus')


def lzw_stream(min_size, codes):
    """Packs codes (mirroring the decoder's code-size growth) into sub-blocks."""
    clear = 1 << min_size
    size, nxt, acc, nb, out, first = min_size + 1, clear + 2, 0, 0, bytearray(), True
    for c in codes:
        acc |= c << nb
        nb += size
        while nb >= 8:
            out.append(acc & 0xff)
            acc >>= 8
            nb -= 8
        if c == clear:
            size, nxt, first = min_size + 1, clear + 2, True
        elif c == clear + 1:
            pass
        elif first:
            first = False
        elif nxt < 4096:
            nxt += 1
            if nxt == 1 << size and size < 12:
                size += 1
    if nb:
        out.append(acc & 0xff)
    b = b''
    for i in range(0, len(out), 255):
        b += bytes([len(out[i:i + 255])]) + bytes(out[i:i + 255])
    return b + b'\0'


def ico(entries):
    hdr = struct.pack('<HHH', 0, 1, len(entries))
    off = 6 + 16 * len(entries)
    dirb, data = b'', b''
    for w, img in entries:
        dirb += struct.pack('<BBBBHHII', w, w, 0, 0, 1, 32, len(img), off + len(data))
        data += img
    return hdr + dirb + data


def bmp_dib(w):
    return struct.pack('<IiiHHIIiiII', 40, w, 2 * w, 1, 32, 0, 0, 0, 0, 0, 0) + bytes(w * w * 4)


def png_stub(w):
    return b'\x89PNG\r\n\x1a\n' + struct.pack('>I', 13) + b'IHDR' + struct.pack('>IIBBBBB', w, w, 8, 6, 0, 0, 0)


def mp_str(s):
    return (bytes([0xa0 | len(s)]) if len(s) < 32 else b'\xd9' + bytes([len(s)])) + s


def varint(v):
    out = [v & 0x7f]
    v >>= 7
    while v:
        out.append(0x80 | (v & 0x7f))
        v >>= 7
    return bytes(reversed(out))


def sqlite_rec(cols):
    types, body = b'', b''
    for t, v in cols:
        types += varint(t)
        body += v
    h = len(types) + 1
    return varint(h) + types + body


def mb_rsp(fc, qty, payload):
    pdu = bytes([fc, len(payload)]) + payload
    return bytes([fc - 1, qty & 0xff, qty >> 8]) + struct.pack('>HHHB', 1, 0, len(pdu) + 1, 17) + pdu


def can(dlc, data):
    return bytes([dlc]) + data.ljust(8, b'\0')


def der(tag, body):
    n = len(body)
    if n < 0x80:
        return bytes([tag, n]) + body
    return bytes([tag, 0x81, n]) + body if n < 256 else bytes([tag, 0x82, n >> 8, n & 0xff]) + body


def x509_name(rdns):
    out = b''
    for rdn in rdns:
        out += der(0x31, b''.join(der(0x30, der(0x06, oid) + der(tag, v)) for oid, tag, v in rdn))
    return der(0x30, out)


def elf_with_notes(notes):
    nb = b''
    for name, typ, desc in notes:
        nb += struct.pack('<III', len(name), len(desc), typ) + name + bytes(-len(name) % 4) + desc + bytes(-len(desc) % 4)
    eh = b'\x7fELF' + bytes([2, 1, 1]) + bytes(9) + struct.pack('<HHIQQQIHHHHHH', 2, 62, 1, 0, 64, 0, 0, 64, 56, 1, 64, 0, 0)
    ph = struct.pack('<IIQQQQQQ', 4, 4, 120, 0, 0, len(nb), len(nb), 4)
    return eh + ph + nb


def pe(dlls, magic=0x20b):
    raw = bytearray()
    nd = len(dlls) + 1
    names_off = 20 * nd
    names = b''
    descs = b''
    for d in dlls:
        descs += struct.pack('<IIIII', 0, 0, 0, 0x1000 + names_off + len(names), 0x2000)
        names += d + b'\0'
    descs += bytes(20)
    raw = descs + names
    optsize = 240 if magic == 0x20b else 224
    dd = 112 if magic == 0x20b else 96
    f = bytearray(64)
    f[0:2] = b'MZ'
    f[0x3c:0x40] = struct.pack('<I', 64)
    f += b'PE\0\0' + struct.pack('<HHIIIHH', 0x8664, 1, 0, 0, 0, optsize, 0x22)
    opt = bytearray(optsize)
    opt[0:2] = struct.pack('<H', magic)
    opt[dd + 8:dd + 16] = struct.pack('<II', 0x1000, 20 * nd)
    f += opt
    rawoff = len(f) + 40
    f += b'.idata\0\0' + struct.pack('<IIII', len(raw), 0x1000, len(raw), rawoff) + bytes(16)
    return bytes(f) + raw


def cmap4(segs):
    """segs: list of (start, end, delta); a final 0xffff segment is added."""
    segs = segs + [(0xffff, 0xffff, 1)]
    n = len(segs)
    body = b''.join(struct.pack('>H', e) for s, e, d in segs) + b'\0\0'
    body += b''.join(struct.pack('>H', s) for s, e, d in segs)
    body += b''.join(struct.pack('>h', d) for s, e, d in segs)
    body += bytes(2 * n)
    sub = struct.pack('>HHHHHHH', 4, 14 + len(body), 0, 2 * n, 2, 0, 0) + body
    return struct.pack('>HH', 0, 1) + struct.pack('>HHI', 3, 1, 12) + sub


def pcx(w, h, planes, rows):
    bpl = w + (w & 1)
    hdr = bytearray(128)
    hdr[0:4] = bytes([0x0a, 5, 1, 8])
    hdr[8:12] = struct.pack('<HH', w - 1, h - 1)
    hdr[65] = planes
    hdr[66:68] = struct.pack('<H', bpl)
    return bytes(hdr) + rows


def tiff(entries, big=False):
    e = '>' if big else '<'
    b = (b'MM\0*' if big else b'II*\0') + struct.pack(e + 'I', 8) + struct.pack(e + 'H', len(entries))
    for tag, typ, val in entries:
        b += struct.pack(e + 'HHI', tag, typ, 1) + (struct.pack(e + 'HH', val, 0) if typ == 3 else struct.pack(e + 'I', val))
    return b + bytes(4)


SEEDS = {
 'gif_lzw': [b'\x00' + lzw_stream(2, [4, 1, 1, 6, 6, 7, 0, 2, 3, 5]), b'\x06' + lzw_stream(8, [256, 65, 66, 258, 259, 257])],
 'ico_dir': [ico([(16, bmp_dib(16)), (32, png_stub(32))])],
 'msgpack_reader': [b'\x83' + mp_str(b'id') + b'\xcd\x01\x02' + mp_str(b'name') + mp_str(b'widget') + mp_str(b'tags') + b'\x92\xa1a\xc3',
                    b'\xde\x00\x02' + mp_str(b'bin') + b'\xc4\x03abc' + mp_str(b'm') + b'\x81\xa1k\xd2\xff\xff\xff\xfe'],
 'sqlite_record': [sqlite_rec([(1, b'\x05'), (23, b'hello'), (8, b''), (4, b'\x00\x01\x02\x03'), (14, b'x')]),
                   sqlite_rec([(0, b''), (9, b''), (6, bytes(8)), (7, bytes(8))])],
 'modbus_pdu': [mb_rsp(1, 10, b'\xa5\x01'), mb_rsp(3, 2, b'\x00\x0a\x01\x02'), bytes([0x03, 1, 0]) + struct.pack('>HHHB', 1, 0, 3, 17) + b'\x84\x02'],
 'isotp_frames': [can(8, b'\x10\x0aabcdef') + can(5, b'\x21ghij'), can(4, b'\x03xyz'), can(8, b'\x10\x14' + bytes(6)) + can(8, b'\x21' + bytes(7)) + can(8, b'\x22' + bytes(7))],
 'telnet_opts': [bytes([6]) + b'hello\n' + bytes([9, 255, 251, 24, 255, 251, 31, 255, 253, 1]) + bytes([9, 255, 250, 31, 0, 80, 0, 24, 255, 240]),
                 bytes([12, 255, 250, 24, 0]) + b'xterm' + bytes([255, 240])],
 'x509_name': [x509_name([[(b'\x55\x04\x06', 0x13, b'US')], [(b'\x55\x04\x0a', 0x0c, b'Example, Inc.')], [(b'\x55\x04\x03', 0x0c, b'www.example.com'), (b'\x55\x04\x0b', 0x0c, b'Web')]])],
 'json_pointer': [b'/list/12/x', b'/a~0', b'/b~1c', b'/', b'/list/3'],
 'elf_notes': [elf_with_notes([(b'GNU\0', 3, bytes(range(20))), (b'GNU\0', 1, struct.pack('<IIII', 0, 3, 2, 0))])],
 'pe_imports': [pe([b'KERNEL32.dll', b'USER32.dll']), pe([b'msvcrt.dll'], 0x10b)],
 'font_cmap': [b'\x04' + cmap4([(0x20, 0x7e, -29), (0x410, 0x44f, 5)]) + b'\x41\x00\x10\x04\x7e\x00\x00\x26'],
 'pcx_image': [pcx(4, 2, 1, b'\xc4\x11\x01\x02\x03\x04'), pcx(3, 1, 3, b'\xc4\x10\xc4\x20\xc4\x30')],
 'rtsp_transport': [b'RTP/AVP;unicast;client_port=4588-4589;server_port=6256-6257;ssrc=1a2b3c4d;mode="PLAY"',
                    b'RTP/AVP/TCP;interleaved=0-1, RTP/AVP;multicast;destination=224.2.0.1;ttl=16'],
 'xml_attrs': [b'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang=\'en\' id="x"/>', b'<a href="/x">'],
 'timer_wheel': [bytes([0, 5, 3, 1, 0, 10, 0, 4, 0, 2, 2, 1, 70, 2, 0, 1, 200])],
 'atom_table': [b'\x00\x05alpha\x00\x04beta\x00\x05gamma\x02\x00\x01\x01\x03\x05alpha\x01\x00\x03\x04beta'],
 'thumb_cache': [bytes([0x00, 60, 0x24, 60, 0x02 | (1 << 5), 0x01, 0x83, 200, 0x06, 0x0b])],
 'ldap_dn': [b'CN=Steve Kille,O=Isode Limited,C=GB', b'OU=Sales+CN=J. Smith,DC=example,DC=net', b'CN=James \\"Jim\\" Smith\\, III,DC=example,DC=net', b'CN=Before\\0dAfter,DC=example'],
 'http_accept': [b'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', b'text/*; q=0.3, text/html; level=1, */*;q=0.5'],
 'sdp_session': [b'v=0\r\no=- 20518 0 IN IP4 203.0.113.1\r\ns= \r\nt=0 0\r\nc=IN IP4 203.0.113.1\r\nm=audio 54400 RTP/SAVPF 0 96\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:96 opus/48000/2\r\nm=video 55400 RTP/SAVPF 97\r\na=rtpmap:97 VP8/90000\r\n'],
 'dotenv_file': [b'# comment\nAPP_ENV=production\nexport PATH=/usr/bin\nMSG="hello\\nworld"\nRAW=\'a b\' # x\nEMPTY=\n'],
 'tiff_ifd': [tiff([(256, 3, 4), (257, 3, 2), (258, 3, 8), (273, 4, 100), (278, 3, 2)]), tiff([(256, 4, 640), (257, 4, 480), (277, 3, 3), (273, 4, 8), (278, 4, 480)], True)],
 'sparse_array': [bytes([0, 3, 0, 0, 40, 0, 8, 3, 0, 4, 0, 0, 5, 0, 0, 2, 3, 0, 3, 0, 0, 1, 40, 0])],
 'srt_subtitles': [b'1\r\n00:00:01,000 --> 00:00:04,000\r\nHello there,\r\ngeneral.\r\n\r\n2\r\n00:00:05,000 --> 00:00:06,500\r\nBye.\r\n',
                   b'\xef\xbb\xbf1\n00:00:00.500 --> 00:00:02.000\none\n'],
 'rope_text': [b'\x00\x14The quick brown fox \x00\x13jumps over the dog.\x01\x00\x01\x02\x02\x0a\x00\x14\x00\x03\x03\x04\x02\x00j\x05\x00'],
}

cases = sorted(f[:-6] for f in os.listdir(os.path.join(H, 'cases')) if f.endswith('_bad.c'))
assert set(cases) == set(SEEDS), set(cases) ^ set(SEEDS)
for name, seeds in SEEDS.items():
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    for i, s in enumerate(seeds):
        with open(os.path.join(d, f'seed{i}'), 'wb') as f:
            f.write(s)
print(sum(len(s) for s in SEEDS.values()), 'seeds for', len(SEEDS), 'harnesses')
