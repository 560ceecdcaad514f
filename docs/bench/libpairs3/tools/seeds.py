#!/usr/bin/env python3
"""Writes a few well-formed seed inputs per harness into drivers/bin/corpus/NAME/
(git-ignored), so that 15 s of fuzzing gets past the format headers."""
import os
import struct
import zlib

H = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(H, 'drivers', 'bin', 'corpus')


def chunk(t, data):
    return struct.pack('>I', len(data)) + t + data + struct.pack('>I', zlib.crc32(t + data))


ihdr = struct.pack('>IIBBBBB', 4, 2, 8, 0, 0, 0, 0)
png_body = chunk(b'IHDR', ihdr) + chunk(b'IDAT', b'\x78\x9c\x00') + chunk(b'IEND', b'')


def fmt_chunk(ch=2, rate=44100, bits=16):
    ba = ch * bits // 8
    return b'fmt ' + struct.pack('<IHHIIHH', 16, 1, ch, rate, rate * ba, ba, bits)


def wav_body():
    return fmt_chunk() + b'data' + struct.pack('<I', 8) + bytes(8)


def ws_frame(op, payload, mask=b'\x01\x02\x03\x04'):
    hdr = bytes([0x80 | op])
    n = len(payload)
    if n < 126:
        hdr += bytes([0x80 | n])
    else:
        hdr += bytes([0x80 | 126]) + struct.pack('>H', n)
    return hdr + mask + bytes(b ^ mask[i & 3] for i, b in enumerate(payload))


def chunked(*parts):  # harness format: length byte + bytes
    return b''.join(bytes([len(p)]) + p for p in parts)


def ssh_pkt(payload, pad=4):
    plen = 1 + len(payload) + pad
    while (plen + 4) % 8:
        pad += 1
        plen += 1
    return struct.pack('>IB', plen, pad) + payload + bytes(pad)


SEEDS = {
    'png_chunks': [png_body, b'\x89PNG\r\n\x1a\n' + png_body],
    'ipv6_addr': [b'2001:db8::1', b'fe80::1:2:3:4', b'1:2:3:4:5:6:7:8', b'::'],
    'pb_samples': [bytes([0x08, 0x07, 0x12, 0x01, 0x43, 0x18, 0x03, 0x22, 0x03, 1, 2, 3])],
    'midi_track': [bytes([0x00, 0x90, 0x3c, 0x40, 0x10, 0x3c, 0x00, 0x00, 0xff, 0x51, 0x03, 7, 0xa1, 0x20,
                          0x00, 0xc0, 0x05, 0x00, 0xff, 0x2f, 0x00])],
    'utf8_columns': ['héllo wörld 日本語 🙂'.encode(), b'\xe4\xb8\xad\xe6\x96'],
    'b64_blob': [b'aGVsbG8gd29ybGQ=', b'aGVsbG8\n gd29y'],
    'json_writer': [b'\x00\x03msg\x05hello\x01\x03seq\x10\x27'],
    'csv_table': [b'name,qty,price\nwidget,3,"1,50"\n"a ""b""",4\n'],
    'event_bus': [bytes([1, 0, 1, 1, 1, 4, 0, 1, 2, 1, 1, 0, 2])],
    'attr_pool': [b'\x02id\x02n1\x09xmlns:svg\x05a/b/c'],
    'ws_conn': [chunked(ws_frame(1, b'hello'), ws_frame(9, b''), ws_frame(8, b'\x03\xe8'))],
    'blob_cache': [bytes([0, 1, 3, 97, 98, 99, 1, 1, 0, 1, 2, 100, 101, 2, 1, 3, 1])],
    'outbox': [bytes([1, 5, 1, 6, 0, 1, 2, 0, 0, 2])],
    'session_audit': [b'\x00\x01\x05alice\x00\x02\x03bob\x01\x01\x02\x10\x03\x02'],
    'page_lru': [bytes([1, 1, 100]) + bytes(100) + bytes([3, 2, 100]) + bytes(100) + bytes([1, 3, 100]) + bytes(100) + bytes([0, 1])],
    'route_table': [b'\x00\x07/static\x01\x00\x00\x06/api/*\x03\x05\x13\x00\x12\x07/static\x01'],
    'env_block': [b'\x00\x04PATH\x04/bin\x00\x04HOME\x01/\x01\x04HOME\x03\x00'],
    'mime_parts': [b'\x01\x05hello\x00\x09image/png\x04\x89PNG'],
    'tag_set': [bytes([1, 5, 1, 7, 1, 9, 1, 11, 1, 13, 2, 5, 2, 7, 5, 5, 4, 5])],
    'wav_probe': [b'RIFF' + struct.pack('<I', 4 + len(wav_body())) + b'WAVE' + wav_body(), wav_body()],
    'ctrl_proto': [chunked(b'\x01\x00\x00\x01dev1', b'\x02\x01\x00\x02' + struct.pack('>II', 3, 9),
                           b'\x03\x01\x00\x03', b'\x04\x00\x00\x04')],
    'probe_map': [bytes([8, 0, 1, 3, 2, 6, 3, 9, 4, 12, 5, 15, 6, 18, 7, 1, 1, 2, 3])],
    'resp_command': [b'*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$2\r\n42\r\n*1\r\n$4\r\nPING\r\n'],
    'static_files': [b'\x15/index.html', b'\x20/img/logo.PNG', b'\x01/a/../b'],
    'admin_socket': [b'stats\nlevel debug\nflush user:\n# note\ndrain\n\nbogus\n'],
    'acl_groups': [b'group ops read,write\nuser alice ops exec\nuser bob devs\ngroup devs read\n'],
    'form_part': [b'Content-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n'],
    'kv_store': [bytes([16, 0, 1, 3, 97, 98, 99, 1, 1, 2, 1, 1, 0, 1, 2, 120, 121])],
    'pgm_image': [b' 4 2\n255\n' + bytes(range(8)), b' 2 2 # c\n65535\n' + bytes(8)],
    'ssh_packet': [ssh_pkt(b'\x02ignored') + ssh_pkt(b'\x04\x01' + struct.pack('>I', 5) + b'hello' + struct.pack('>I', 0))
                   + ssh_pkt(b'\x01' + struct.pack('>I', 11))],
}

for name, seeds in SEEDS.items():
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    for i, s in enumerate(seeds):
        with open(os.path.join(d, f'seed{i}'), 'wb') as f:
            f.write(s)
print(len(SEEDS), 'seed sets written to', os.path.relpath(OUT, H))
