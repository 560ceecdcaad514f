#!/usr/bin/env python3
"""Writes a few well-formed seed inputs per harness into drivers/bin/corpus/NAME/
(git-ignored), so that 15 s of fuzzing gets past the format headers."""
import os
import struct
import zlib

H = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(H, 'drivers', 'bin', 'corpus')


def mqtt_str(s):
    return struct.pack('>H', len(s)) + s


def mqtt_connect(flags, *fields):
    body = mqtt_str(b'MQTT') + bytes([4, flags]) + struct.pack('>H', 60) + b''.join(mqtt_str(f) for f in fields)
    return bytes([0x10, len(body)]) + body


def gzip_member(name=b'', comment=b'', extra=b'', hcrc=False, body=b'\x03\x00'):
    flags = (2 if hcrc else 0) | (4 if extra else 0) | (8 if name else 0) | (16 if comment else 0)
    h = bytes([0x1f, 0x8b, 8, flags]) + struct.pack('<I', 1700000000) + bytes([0, 3])
    if extra:
        h += struct.pack('<H', len(extra)) + extra
    if name:
        h += name + b'\x00'
    if comment:
        h += comment + b'\x00'
    if hcrc:
        h += struct.pack('<H', zlib.crc32(h) & 0xffff)
    return h + body + struct.pack('<II', 0, 0)


def rtp(payload, csrcs=(), ext=None, pad=0):
    b0 = 0x80 | (0x20 if pad else 0) | (0x10 if ext is not None else 0) | len(csrcs)
    out = bytes([b0, 0x60]) + struct.pack('>HII', 4660, 160000, 0xdeadbeef)
    out += b''.join(struct.pack('>I', c) for c in csrcs)
    if ext is not None:
        ext += bytes(-len(ext) % 4)
        out += struct.pack('>HH', 0xbede, len(ext) // 4) + ext
    out += payload
    if pad:
        out += bytes(pad - 1) + bytes([pad])
    return out


def mo(pairs, big=False):
    e = '>' if big else '<'
    pairs = sorted(pairs)
    n = len(pairs)
    orig_off, trans_off = 28, 28 + 8 * n
    strings_off = trans_off + 8 * n
    blob, otab, ttab = b'', b'', b''
    for k, _ in pairs:
        otab += struct.pack(e + 'II', len(k), strings_off + len(blob))
        blob += k + b'\x00'
    for _, v in pairs:
        ttab += struct.pack(e + 'II', len(v), strings_off + len(blob))
        blob += v + b'\x00'
    hdr = struct.pack(e + 'IIIIIII', 0x950412de, 0, n, orig_off, trans_off, 0, 0)
    return hdr + otab + ttab + blob


def ts(pid, payload=b'', pusi=False, af=None, cc=0):
    afc = (2 if af is not None else 0) | (1 if payload or af is None else 0)
    h = bytes([0x47, (0x40 if pusi else 0) | pid >> 8, pid & 0xff, afc << 4 | cc])
    body = b''
    if af is not None:
        body = bytes([len(af)]) + af
    body += payload
    return (h + body + b'\xff' * 188)[:188]


def tmap(w, h, fill, recs):
    return b'TMAP' + struct.pack('<IIHH', w, h, fill, len(recs)) + b''.join(struct.pack('<IIH', *r) for r in recs)


def cbor_text(s):
    return bytes([0x60 | len(s)]) + s


def coap_opt(delta, value):
    return bytes([delta << 4 | len(value)]) + value


SEEDS = {
    'gzip_member': [gzip_member(b'access.log', b'rotated', b'AP\x02\x00hi', True),
                    gzip_member(b'x'), gzip_member(extra=b'AP\x00\x00', hcrc=True)],
    'rtp_packet': [rtp(b'\x11' * 20, (0x1234,), b'\x10\xaa\x21\x01\x02'), rtp(b'abc', pad=4),
                   rtp(b'', ext=b'')],
    'mo_catalog': [mo([(b'', b'Content-Type: text/plain; charset=UTF-8\nLanguage: fr\n'),
                       (b'hello', b'bonjour'), (b'world', b'monde')]),
                   mo([(b'hello', b'hallo'), (b'zzz', b'')], big=True)],
    'deque': [bytes([4, 0, 1, 0, 2, 1, 3, 2, 0, 1, 9, 1, 8, 1, 7, 4, 130, 5, 2, 6, 2, 3, 0])],
    'hex_dump': [b'GET / HTTP/1.1\r\nHost: example.org\r\n\r\n', b'de:ad be ef 00 11 22 33 44 55'],
    'future_chain': [bytes([0, 0, 1, 1, 7, 4, 0, 2, 6, 5, 1, 2, 2, 3, 3, 0, 9, 2])],
    'undo_log': [bytes([8, 0, 1, 72, 4, 1, 101, 8, 1, 108, 12, 1, 32, 0, 2, 104, 105, 2, 2, 3, 1, 1, 120, 2, 3])],
    'pkg_manifest': [b'# generated\nname: libfoo\nversion: 1.2.3\ndepends: libbar, libbaz\n\nname: libbar\nversion: 2.0\n'],
    'syslog_line': [b"<34>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for lonvick",
                    b'<13>Feb  5 07:01:44 db01 cron: job done'],
    'ts_packet': [ts(0x100, b'\x00\x00\x01\xe0\x00\x00', True) + ts(0x100, b'\x11' * 8, af=b'\x10' + bytes(6), cc=1)
                  + ts(0x100, af=b'\x00' * 183, cc=1) + ts(0x1fff, b'')],
    'utf16_conv': [b'\x00h\xc3\xa9llo \xf0\x9f\x98\x80', b'\x85a\xf0\x9f\x98\x80b\xe2\x82\xac'],
    'lz_decomp': [b'LZ1\x18\x00\x00\x00\x03abab' + bytes([0x80 | 17, 0, 1]), b'LZ1\x05\x00\x00\x00\x04hello'],
    'mqtt_connect': [mqtt_connect(0x02, b'sensor42'),
                     mqtt_connect(0xce, b'dev1', b'home/dev1/status', b'offline', b'user', b'secret')],
    'bitset': [bytes([128, 0, 20, 0, 5, 0, 0, 64, 0, 2, 5, 0, 3, 10, 0, 20, 0, 4, 4, 6, 0, 0, 1, 5, 0])],
    'hash_map': [bytes([0, 3]) + b'abc' + bytes([0, 1]) + b'x' + bytes([4, 3]) + b'abc' + bytes([2]) + b'zz'
                 + bytes([2, 2]) + b'zz' + bytes([3, 1]) + b'x' + bytes([0, 2]) + b'k1' + bytes([0, 2]) + b'k2'],
    'rc_buffer': [bytes([0x00, 5]) + b'hello' + bytes([0x10, 3]) + b'hdr' + bytes([0x24, 0x31, 0x40, 100, 0x00, 2]) + b'!!'
                  + bytes([0x25, 0x45, 200])],
    'job_queue': [bytes([0, 0, 8, 1, 16, 0, 2, 1, 0, 1, 3, 1])],
    'cfg_store': [bytes([0, 3]) + b'key' + bytes([4]) + b'INFO' + bytes([2, 3]) + b'key' + bytes([1, 1]) + b'p' + bytes([2]) + b'80'
                  + bytes([5, 3]) + b'key' + bytes([3, 1]) + b'p' + bytes([4, 3]) + b'key'],
    'prio_queue': [bytes([0, 5, 2]) + b'ab' + bytes([1, 3, 1]) + b'c' + bytes([0, 9, 1]) + b'd' + bytes([2, 3, 4, 0, 1, 1]) + b'e'],
    'argv_split': [b'\x08notify-send \'Backup done\' "exit code \\$?" x\\ y # c', b'\x03/usr/bin/logger -t backup finished'],
    'path_join': [b'\x08/srv/www\x14css/../css//site.css', b'\x06a/b/c/\x0d../../x/./y/..'],
    'cbor_reader': [b'\xa3' + cbor_text(b'temp') + b'\x15' + cbor_text(b'tags') + b'\x82\x61a\x61b'
                    + cbor_text(b'ts') + b'\x1a\x65\x53\xf1\x00',
                    b'\xa2\x01\x38\x63' + cbor_text(b'temp') + b'\xc1\x19\x01\x00'],
    'sql_lexer': [b"SELECT id, name FROM users WHERE id = ? AND org = :org -- by id\n",
                  b"with t as (select 'it''s' from x) insert into y values ($1, 2.5)"],
    'coap_message': [b'\x62\x45\x12\x34\xbe\xef' + coap_opt(12, b'\x32') + coap_opt(2, b'\x00\x3c') + b'\xff{"t":21}',
                     b'\x41\x01\x00\x01\x07' + coap_opt(11, b'sensors') + coap_opt(0, b'temp') + coap_opt(1, b'\x00')],
    'trie': [bytes([0, 3]) + b'get' + bytes([0, 6]) + b'getall' + bytes([0, 3]) + b'set' + bytes([2, 10]) + b'getallkeys'
             + bytes([3, 3]) + b'set' + bytes([3, 3]) + b'del' + bytes([1, 3]) + b'get'],
    'opt_parser': [b'--output=out.tar\n-vj\n4\n--dry-run\n-x\n--\nsrc', b'-ofile\n--jobs\n8\n-vvx\noperand'],
    'arena': [bytes([0, 0, 4, 0, 100, 0, 2, 5, 1]) + b'hello' + bytes([0, 0, 16, 1, 4, 9, 3, 0, 10, 0]),
              bytes([3, 0, 1, 0, 200, 0, 0, 100, 0, 0, 50, 0])],
    'url_query': [b'q=caf%C3%A9+au+lait&page=2&&sort=name&flag', b'a=%41%42&b=+&=x&c'],
    'tpl_render': [b'Hi {{user}}, {{count}} new messages in {{folder|Inbox}}. {{{{literal}} {{long}}',
                   b'{{x}}{{user|nobody}}'],
    'tile_grid': [tmap(4, 3, 1, [(0, 0, 5), (3, 2, 7), (9, 9, 1)]), tmap(16, 16, 0, [(8, 8, 3)])],
}

for name, seeds in SEEDS.items():
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    for i, s in enumerate(seeds):
        with open(os.path.join(d, f'seed{i}'), 'wb') as f:
            f.write(s)
print(len(SEEDS), 'seed sets written to', os.path.relpath(OUT, H))
