#!/usr/bin/env python3
"""Regenerates every cases/*_good.c from cases/*_bad.c: strips the
`// expect-warning: CWE-NNN` marker and applies the minimal fix listed in FIX.
Each (old, new) replacement must match exactly once."""
import os
import re

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cases')

FIX = {
 'utf16_conv': [("        if (o >= cap)\n            return -1;\n        if (cp >= 0x10000) {",
                 "        if (o + (cp >= 0x10000) >= cap)\n            return -1;\n        if (cp >= 0x10000) {")],
 'lz_decomp': [("if (dist > o || n > in_len - i)", "if (dist > o || n > cap - o)")],
 'mqtt_connect': [("strspn((const char *)c->client_id.p, MQTT_ID_CHARS)", "span_of(c->client_id.p, c->client_id.len, MQTT_ID_CHARS)")],
 'bitset': [("    if (bit > bs->nbits)\n", "    if (bit >= bs->nbits)\n")],
 'hash_map': [("    hm_take(m, from);\n    return hm_put(m, to, e->value);\n", "    return hm_put(m, to, hm_take(m, from));\n")],
 'rc_buffer': [("    rbuf_release(m->body);\n    if (b)\n        b->refs++;\n", "    if (b)\n        b->refs++;\n    rbuf_release(m->body);\n")],
 'job_queue': [("    size_t n = q->count, ran = 0;\n    struct job *j, *end;\n", "    size_t n = q->count, ran = 0, i;\n    struct job *j;\n"),
               ("    end = q->jobs + n;\n    for (j = q->jobs; j < end; j++) {\n", "    for (i = 0; i < n; i++) {\n        j = &q->jobs[i];\n")],
 'cfg_store': [("    if (e) {\n        if (e->dtor)\n", "    if (e) {\n        if (e->dtor && e->value != value)\n")],
 'prio_queue': [("    q->seq = 0;\n}", "    q->count = 0;\n    q->seq = 0;\n}")],
 'argv_split': [("        if (a->n > max_args) {\n            free(tok);\n            goto fail;\n        }\n", "        if (a->n > max_args)\n            goto fail;\n")],
 'path_join': [("    np += rl + strspn(np + rl, \"/\");\n    r = strdup(*np ? np : \".\");\n",
                "    rl += strspn(np + rl, \"/\");\n    r = strdup(np[rl] ? np + rl : \".\");\n")],
 'cbor_reader': [("        uint8_t be[8];\n", "        uint8_t be[8] = { 0 };\n")],
 'sql_lexer': [("            e = k + 1;\n            break;\n        }\n", "            e = k + 1;\n            break;\n        }\n        if (k >= n)\n            return -1;\n")],
 'coap_message': [("    m->content_format = COAP_NO_FORMAT;\n", "    m->content_format = COAP_NO_FORMAT;\n    m->max_age = COAP_DEFAULT_MAX_AGE;\n")],
 'trie': [("    for (i = 0; key[i]; i++) {\n        if (i >= TRIE_MAX_KEY)\n            return NULL;\n",
           "    for (i = 0; n && key[i]; i++) {\n        if (i >= TRIE_MAX_KEY)\n            return NULL;\n")],
 'opt_parser': [("        s = find_short(p, c);\n", "        s = find_short(p, c);\n        if (!s)\n            return fail(p, \"unknown option\", &c, 1);\n")],
 'arena': [("    struct arena_block *b = malloc(sizeof(*b) + size);\n\n", "    struct arena_block *b = malloc(sizeof(*b) + size);\n\n    if (!b)\n        return NULL;\n")],
 'url_query': [("vlen) < 0) {\n        free(val);\n        return -1;", "vlen) < 0) {\n        free(key);\n        free(val);\n        return -1;")],
 'tpl_render': [("            err->reason = \"undefined variable\";\n            return NULL;", "            err->reason = \"undefined variable\";\n            free(out);\n            return NULL;")],
 'tile_grid': [("    ncells = g->width * g->height;\n", "    if (g->height && g->width > GRID_MAX_CELLS / g->height)\n        return -1;\n    ncells = g->width * g->height;\n")],
 'gzip_member': [("    if (h->flags & GZ_FHCRC) {\n", "    if (h->flags & GZ_FHCRC) {\n        if (len - pos < 2)\n            return -1;\n")],
 'rtp_packet': [("        if (4 * words > len)\n", "        if (4 * words > len - off)\n")],
 'mo_catalog': [("    if (c->trans_off > len || (size_t)c->n * 8 > len - c->orig_off)\n", "    if (c->trans_off > len || (size_t)c->n * 8 > len - c->trans_off)\n")],
 'deque': [("    d->head = (d->head - 1) % d->cap;\n", "    d->head = (d->head + d->cap - 1) % d->cap;\n")],
 'hex_dump': [("    size_t lines = len / HD_LINE_BYTES, off;\n", "    size_t lines = (len + HD_LINE_BYTES - 1) / HD_LINE_BYTES, off;\n")],
 'future_chain': [("    f->error = error;\n    for (i = 0;", "    f->error = error;\n    fut_ref(f);\n    for (i = 0;"),
                  ("    f->nconts = 0;\n}", "    f->nconts = 0;\n    fut_release(f);\n}")],
 'undo_log': [("    op = undo_slot(u);\n", "    if (last)\n        last->sealed = 1;\n    op = undo_slot(u);\n"),
              ("        return -1;\n    }\n    if (last)\n        last->sealed = 1;\n", "        return -1;\n    }\n")],
 'pkg_manifest': [("            if (!cur->version || !valid_version(cur->version)) {\n                pkg_free(cur);\n                goto fail;\n            }\n",
                  "            if (!cur->version || !valid_version(cur->version))\n                goto fail;\n")],
 'syslog_line': [("    if (n == 0 || n > SYSLOG_HOST_MAX || p == end)\n        return -1;\n    memcpy(tag, s, n);\n",
                 "    if (n == 0 || n > SYSLOG_TAG_MAX || p == end)\n        return -1;\n    memcpy(tag, s, n);\n")],
 'ts_packet': [("        t->af_len = d[4];\n", "        t->af_len = d[4];\n        if (t->af_len > TS_PACKET_SIZE - TS_HEADER_SIZE - 1)\n            return -1;\n")],
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
