#!/usr/bin/env python3
"""Regenerates every cases/*_good.c from cases/*_bad.c: strips the
`// expect-warning: CWE-NNN` marker and applies the minimal fix listed in FIX.
Each (old, new) replacement must match exactly once."""
import os
import re

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cases')

FIX = {
 'gif_lzw': [("    if (s->next_code > LZW_MAX_CODES)\n", "    if (s->next_code >= LZW_MAX_CODES)\n")],
 'ico_dir': [("(size_t)d->count * ICO_ENTRY_LEN > d->len)", "(size_t)d->count * ICO_ENTRY_LEN > d->len - ICO_HDR_LEN)")],
 'msgpack_reader': [("    if (o->len > avail)\n", "    if (o->len < 0 || o->len > avail)\n")],
 'sqlite_record': [("hsz < n || hsz > REC_MAX_HEADER)", "hsz < n || hsz > REC_MAX_HEADER || hsz > r->len)")],
 'modbus_pdu': [("    for (i = 0; i < count * 8; i++)\n", "    for (i = 0; i < c->quantity; i++)\n")],
 'isotp_frames': [("    n = f->dlc - 1u;\n", "    n = f->dlc - 1u;\n    if (n > rx->total - rx->got)\n        n = rx->total - rx->got;\n")],
 'telnet_opts': [("            } else if (c == T_IAC) {\n                t->sb[t->sb_len++] = c;\n",
                  "            } else if (c == T_IAC) {\n                if (t->sb_len < t->sb_cap)\n                    t->sb[t->sb_len++] = c;\n                else\n                    t->sb_truncated = 1;\n")],
 'x509_name': [("        if (nbytes == 0 || nbytes > 4)\n", "        if (nbytes == 0 || nbytes > 4 || nbytes > avail)\n")],
 'json_pointer': [("        if (c == '~') {\n", "        if (c == '~') {\n            if (i + 1 >= len)\n                return -1;\n")],
 'elf_notes': [("        if (nsz > left || dsz > left)\n", "        if (nsz > left || dsz > left - nsz)\n")],
 'pe_imports': [("rva - s->vaddr < s->vsize) {\n            *avail = s->vsize - (rva - s->vaddr);",
                 "rva - s->vaddr < s->raw_size) {\n            *avail = s->raw_size - (rva - s->vaddr);")],
 'font_cmap': [("FMT4_HDR_LEN + 2 + 4 * (size_t)cm->seg_count > sublen", "FMT4_HDR_LEN + 2 + 8 * (size_t)cm->seg_count > sublen")],
 'pcx_image': [("        for (k = 0; k < count; k++)\n", "        for (k = 0; k < count && x < line_len; k++)\n")],
 'rtsp_transport': [("vlen >= sizeof(t->destination))", "vlen >= sizeof(value))")],
 'xml_attrs': [("    struct xml_attr *a, *ns = NULL;\n", "    struct xml_attr *a;\n"),
               ("            ns = a;\n    }\n    if (ns)\n        t->default_ns = ns->value;\n", "            t->default_ns = a->value;\n    }\n")],
 'timer_wheel': [("    if (!t)\n        return;\n    slot_unlink(w, t);\n",
                  "    if (!t)\n        return;\n    if (t == w->running) {\n        t->period = 0;\n        return;\n    }\n    slot_unlink(w, t);\n")],
 'atom_table': [("    if (*head == a)\n        *head = a->next;\n", "    while (*head && *head != a)\n        head = &(*head)->next;\n    if (*head)\n        *head = a->next;\n")],
 'thumb_cache': [("    t->len = len;\n    if ((old", "    t->len = len;\n    memcpy(t->data, data, len);\n    if ((old"),
                 ("    memcpy(t->data, data, len);\n    list_push_front", "    list_push_front")],
 'ldap_dn': [("        free(r->value);\n        return -1;\n", "        free(r->value);\n        r->value = NULL;\n        return -1;\n")],
 'http_accept': [("    r->params = p;\n", "    memmove(buf, p, strlen(p) + 1);\n    r->params = buf;\n")],
 'sdp_session': [("        rm = find_rtpmap(m, m->fmt[i].pt);\n", "        rm = find_rtpmap(m, m->fmt[i].pt);\n        if (!rm)\n            continue;\n")],
 'dotenv_file': [("        eq = strchr(p, '=');\n    } else {", "        eq = strchr(p, '=');\n        if (!eq)\n            return -1;\n    } else {")],
 'tiff_ifd': [("    uint32_t ifd, v, count, rows_per_strip;\n", "    uint32_t ifd, v, count, rows_per_strip = UINT32_MAX;\n")],
 'sparse_array': [("    a->slots = s;\n    a->cap = nc;\n    return 0;\n}\n\nint sa_set",
                   "    memset(s + a->cap, 0, (nc - a->cap) * sizeof(*s));\n    a->slots = s;\n    a->cap = nc;\n    return 0;\n}\n\nint sa_set")],
 'srt_subtitles': [("        t[c->text_len] = '\\n';\n    }\n", "        t[c->text_len] = '\\n';\n        free(c->text);\n    }\n")],
 'rope_text': [("    rope_release(a);\n    return res;\n", "    rope_release(a);\n    rope_release(b);\n    return res;\n")],
}

names = sorted(f[:-6] for f in os.listdir(D) if f.endswith('_bad.c'))
missing = set(names) ^ set(FIX)
assert not missing, missing
for n in names:
    s = open(f'{D}/{n}_bad.c').read()
    assert len(re.findall(r'expect-warning: CWE-\d+', s)) == 1, n
    g = re.sub(r' *// expect-warning: CWE-\d+', '', s)
    for old, new in FIX[n]:
        c = g.count(old)
        assert c == 1, (n, old, c)
        g = g.replace(old, new)
    path = f'{D}/{n}_good.c'
    if not os.path.exists(path) or open(path).read() != g:
        open(path, 'w').write(g)
print(len(names), 'goods written')
