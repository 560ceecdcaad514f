#!/usr/bin/env python3
"""Writes a few well-formed seed inputs per harness into drivers/bin/corpus/NAME/
(git-ignored), so that 15 s of fuzzing gets past the format headers."""
import io
import os
import struct
import zipfile

H = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(H, 'drivers', 'bin', 'corpus')


def elf(names):
    strtab = b'\0' + b''.join(n + b'\0' for n in names)
    nsec = len(names) + 1
    shoff = 64
    data_off = shoff + 64 * nsec
    hdr = b'\x7fELF' + bytes([2, 1, 1]) + bytes(9)
    hdr += struct.pack('<HHIQQQIHHHHHH', 1, 62, 1, 0, 0, shoff, 0, 64, 0, 0, 64, nsec, nsec - 1)
    sh = bytes(64)
    pos = 1
    for i, n in enumerate(names):
        typ = 3 if n == b'.shstrtab' else 1
        off, size = (data_off, len(strtab)) if typ == 3 else (data_off, 4)
        sh += struct.pack('<IIQQQQIIQQ', pos, typ, 0, 0, off, size, 0, 0, 1, 0)
        pos += len(n) + 1
    return hdr + sh + strtab


def dhcp(opts):
    b = bytes([1, 1, 6, 0]) + struct.pack('>I', 0x3903f326) + bytes(20) + bytes.fromhex('00163e112233') + bytes(10)
    b += bytes(192) + struct.pack('>I', 0x63825363)
    for c, v in opts:
        b += bytes([c, len(v)]) + v
    return b + b'\xff'


def client_hello(host=b'example.com', alpn=True):
    ext = b''
    sni = b'\0' + struct.pack('>H', len(host)) + host
    ext += struct.pack('>HH', 0, len(sni) + 2) + struct.pack('>H', len(sni)) + sni
    if alpn:
        a = b'\x02h2\x08http/1.1'
        ext += struct.pack('>HH', 16, len(a) + 2) + struct.pack('>H', len(a)) + a
    sv = b'\x04\x03\x04\x03\x03'
    ext += struct.pack('>HH', 43, len(sv)) + sv
    body = b'\x03\x03' + bytes(32) + b'\x20' + bytes(32) + b'\x00\x04\x13\x01\x13\x02' + b'\x01\x00'
    body += struct.pack('>H', len(ext)) + ext
    hs = b'\x01' + struct.pack('>I', len(body))[1:] + body
    return b'\x16\x03\x01' + struct.pack('>H', len(hs)) + hs


def ogg_crc(data):
    crc = 0
    for b in data:
        crc ^= b << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04c11db7) & 0xffffffff if crc & 0x80000000 else (crc << 1) & 0xffffffff
    return crc


def ogg_page(packets, flags=2, seq=0):
    lacing, body = b'', b''
    for p in packets:
        n = len(p)
        while n >= 255:
            lacing += b'\xff'
            n -= 255
        lacing += bytes([n])
        body += p
    h = b'OggS\0' + bytes([flags]) + struct.pack('<QIII', 0, 0x1234, seq, 0) + bytes([len(lacing)]) + lacing
    page = h + body
    crc = ogg_crc(page)
    return page[:22] + struct.pack('<I', crc) + page[26:]


def hpack_str(s):
    return bytes([len(s)]) + s


def qoi(w, h, ops, ch=4):
    return b'qoif' + struct.pack('>IIBB', w, h, ch, 0) + bytes(ops) + bytes(7) + b'\x01'


def pcap(recs, snap=65535):
    b = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, snap, 1)
    for i, r in enumerate(recs):
        b += struct.pack('<IIII', 1700000000 + i, 1000 * i, len(r), len(r)) + r
    return b


def bdict(items):
    out = b'd'
    for k, v in items:
        out += str(len(k)).encode() + b':' + k + v
    return out + b'e'


def bstr(s):
    return str(len(s)).encode() + b':' + s


def uleb(n):
    out = b''
    while True:
        b = n & 0x7f
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def wasm(sections):
    return b'\0asm\x01\0\0\0' + b''.join(bytes([i]) + uleb(len(p)) + p for i, p in sections)


def stun(attrs, typ=0x0101):
    body = b''
    for t, v in attrs:
        body += struct.pack('>HH', t, len(v)) + v + bytes(-len(v) % 4)
    return struct.pack('>HHI', typ, len(body), 0x2112a442) + bytes(range(12)) + body


def ntp(tail=b''):
    return bytes([0x24, 2, 6, 0xec]) + bytes(8) + b'GPS\0' + struct.pack('>QQQQ', 1, 2, 3, 4) + tail


def radius(attrs, code=1):
    body = b''.join(bytes([t, len(v) + 2]) + v for t, v in attrs)
    return bytes([code, 7]) + struct.pack('>H', 20 + len(body)) + bytes(16) + body


def flac(comments, vendor=b'reference libFLAC 1.4.3'):
    vc = struct.pack('<I', len(vendor)) + vendor + struct.pack('<I', len(comments))
    vc += b''.join(struct.pack('<I', len(c)) + c for c in comments)
    si = bytes(34)
    return b'fLaC' + bytes([0]) + struct.pack('>I', len(si))[1:] + si + bytes([0x84]) + struct.pack('>I', len(vc))[1:] + vc


def syncsafe(n):
    return bytes([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f])


def id3(frames, ver=4):
    body = b''
    for fid, text in frames:
        v = b'\x03' + text
        size = syncsafe(len(v)) if ver == 4 else struct.pack('>I', len(v))
        body += fid + size + b'\0\0' + v
    body += bytes(16)
    return b'ID3' + bytes([ver, 0, 0]) + syncsafe(len(body)) + body


def zipfile_bytes():
    f = io.BytesIO()
    with zipfile.ZipFile(f, 'w') as z:
        z.writestr('META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\n')
        z.writestr('docs/', '')
        z.writestr('a.txt', 'hello')
    return f.getvalue()


def jpeg():
    app0 = b'JFIF\0\x01\x01\0\0\x01\0\x01\0\0'
    com = b'made by seeds.py'
    sof = bytes([8, 0, 16, 0, 16, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
    sos = bytes([3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0])
    seg = lambda m, p: bytes([0xff, m]) + struct.pack('>H', len(p) + 2) + p
    return b'\xff\xd8' + seg(0xe0, app0) + seg(0xfe, com) + seg(0xc0, sof) + seg(0xda, sos) + b'\x00\x01\xff\xd9'


SEEDS = {
 'elf_sections': [elf([b'.text', b'.data', b'.shstrtab'])],
 'dhcp_options': [dhcp([(53, b'\x01'), (55, bytes([1, 3, 6, 15, 51])), (12, b'host1'), (50, bytes([10, 0, 0, 5]))]),
                  dhcp([(53, b'\x05'), (54, bytes([10, 0, 0, 1])), (51, struct.pack('>I', 3600)), (1, bytes([255, 255, 255, 0])),
                        (3, bytes([10, 0, 0, 1])), (6, bytes([8, 8, 8, 8, 1, 1, 1, 1])), (58, struct.pack('>I', 1800))])],
 'tls_sni': [client_hello(), client_hello(b'a.b', False)],
 'ogg_page': [ogg_page([b'\x01vorbis' + bytes(23)]), ogg_page([bytes(300), b'abc'], flags=0, seq=1) + ogg_page([b'x' * 10], flags=4, seq=2)],
 'irc_message': [b':nick!user@host PRIVMSG #chan :hello world\r\n', b'@time=2023-01-01T00:00:00Z;msgid=abc :srv 001 me :Welcome\r\n',
                 b'PING :irc.example.net\r\n', b':srv 005 me A B C D E F G H I J K L M N :are supported\r\n'],
 'hpack_literal': [b'\x40' + hpack_str(b'custom-key') + hpack_str(b'custom-header'), b'\x04' + hpack_str(b'/sample/path'),
                   b'\x10' + hpack_str(b'password') + hpack_str(b'secret') + b'\x0f\x2f' + hpack_str(b'x' * 20)],
 'ppm_image': [b'P6\n# c\n3 2\n255\n' + bytes(range(18)), b'P5 2 2 65535\n' + bytes(8), b'P5\n4 1\n15\n' + bytes([1, 5, 9, 15])],
 'qoi_decode': [qoi(4, 2, [0xfe, 10, 20, 30, 0xc2, 0x55, 0x80 | 40, 0x88, 0x00, 0xff, 1, 2, 3, 4]), qoi(3, 3, [0xc7, 0x6a, 0xfe, 9, 9, 9], ch=3)],
 'pcap_reader': [pcap([bytes(60), bytes(range(42))]), pcap([b'\x45' + bytes(39)], snap=64)],
 'smtp_reply': [b'250-mx.example.org\r\n250-PIPELINING\r\n250-SIZE 35882577\r\n250-STARTTLS\r\n250 SMTPUTF8\r\n',
                b'220 mx.example.org ESMTP ready\r\n', b'550-5.1.1 no such user\r\n550 5.1.1 see docs\r\n'],
 'semver': [b'1.2.3-alpha.1+build.5\n1.2.3-alpha.beta', b'10.20.30\n1.0.0-rc.1', b'0.0.4-0.3.7\n0.0.4'],
 'glob_match': [bytes([1, 6]) + b'*.[ch]' + bytes([3]) + b'a.c' + bytes([5]) + b'x/y.h',
                bytes([4, 9]) + b'[!a-f]?\\*' + bytes([3]) + b'Zq*' + bytes([2]) + b'ab'],
 'glyph_table': [bytes([0, 65, 8, 8, 0, 0, 66, 9, 9, 0, 1, 97, 65, 3, 65, 66, 97, 0, 0, 0, 0, 0, 2, 66])],
 'io_watch': [bytes([1, 3, 1, 0, 1, 4, 3, 2, 1, 5, 1, 1, 0, 3, 1, 4, 2, 5, 5, 0, 0, 0, 0])],
 'interval_set': [bytes([0, 10, 0, 20, 0, 50, 0, 10, 1, 5, 0, 100, 2, 12, 0, 3, 3, 0, 0, 200])],
 'refstr': [b',\x04\x0c a,b,,c d  ', b'.\x02\x0bexample.com', b'/\x00\x03abc'],
 'bencode': [bdict([(b'announce', bstr(b'http://tracker/ann')), (b'info', bdict([(b'length', b'i12345e'), (b'name', bstr(b'f.bin')),
                    (b'files', b'l' + bdict([(b'path', b'l' + bstr(b'a') + b'e')]) + b'e')]))]), b'li-5ei0e3:abce'],
 'email_addr': [b'"Alice, Example" <alice@Example.org>, bob@example.net, Carol <c@d.e>'],
 'slab_cache': [bytes([0, 0, 20, 0, 0, 1, 250, 0, 0, 2, 0, 1, 1, 1, 10, 0, 2, 0, 0, 0])],
 'pem_writer': [b'\x0aPUBLIC KEY\x02\x05hello\x03abc\x01', b'\x0bCERTIFICATE\x01\x64' + bytes(100) + b'\x01'],
 'wasm_sections': [wasm([(1, b'\x01\x60\x00\x00'), (3, b'\x01\x00'), (7, b'\x01\x01f\x00\x00'), (8, b'\x00'), (10, b'\x01\x02\x00\x0b'),
                         (0, b'\x04name\x00')])],
 'stun_message': [stun([(0x0020, b'\x00\x01\xa1\x47\xe1\x12\xa6\x43'), (0x8022, b'test'), (0x0008, bytes(20)), (0x8028, bytes(4))]),
                  stun([(0x0009, b'\x00\x00\x04\x01Unauthorized')], typ=0x0111), stun([(0x0001, b'\x00\x02\x12\x34' + bytes(16))])],
 'ntp_packet': [ntp(), ntp(struct.pack('>I', 7) + bytes(16)), ntp(struct.pack('>HH', 0x0104, 16) + bytes(12) + struct.pack('>I', 9) + bytes(20))],
 'radius_attrs': [radius([(1, b'alice'), (2, bytes(16)), (4, bytes([192, 0, 2, 1])), (5, struct.pack('>I', 7)), (61, struct.pack('>I', 15))]),
                  radius([(1, b'bob'), (32, b'nas-1'), (5, struct.pack('>I', 1)), (6, struct.pack('>I', 2))])],
 'cookie_jar': [b'sid=31d4; Path=/; Domain=.example.com; Secure; HttpOnly; Max-Age=3600; SameSite=Lax',
                b'lang=en-US; Path=/docs; SameSite=None; Secure', b'a=b; Max-Age=-1; Domain=www.example.com'],
 'flac_comments': [flac([b'TITLE=Intro', b'ARTIST=Someone', b'tracknumber=1']), flac([])],
 'id3_frames': [id3([(b'TIT2', b'Title'), (b'TPE1', b'Artist'), (b'TALB', b'Album'), (b'TRCK', b'3')]), id3([(b'TYER', b'1999'), (b'TCON', b'Rock')], ver=3)],
 'netstring': [b'3:key,5:value,0:,', b'12:hello world!,3:abc'],
 'zip_central': [zipfile_bytes()],
 'jpeg_segments': [jpeg()],
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
