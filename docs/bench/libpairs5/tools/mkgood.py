#!/usr/bin/env python3
"""Regenerates every cases/*_good.c from cases/*_bad.c: strips the
`// expect-warning: CWE-NNN` marker and applies the minimal fix listed in FIX.
Each (old, new) replacement must match exactly once."""
import os
import re

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cases')

FIX = {
 'netstring': [("    if (pos + n + 1 > len)\n", "    if (n >= len - pos)\n")],
 'zip_central': [("    if (z->cd_off + z->cd_size > z->eocd_off)\n", "    if (z->cd_off > z->eocd_off || z->cd_size > z->eocd_off - z->cd_off)\n")],
 'jpeg_segments': [("        if (seglen > len - off - 2)\n", "        if (seglen < 2 || seglen > len - off - 2)\n")],
 'id3_frames': [("    s[o] = '\\0';\n    *dst = s;\n", "    s[o] = '\\0';\n    free(*dst);\n    *dst = s;\n")],
 'flac_comments': [("        if (!eq || eq == p + off)\n            return NULL;\n", "        if (!eq || eq == p + off)\n            goto fail;\n")],
 'cookie_jar': [("            v = attr_value(a, n, &vl);\n            if (vl && *v == '.') {", "            v = attr_value(a, n, &vl);\n            if (!v)\n                continue;\n            if (vl && *v == '.') {")],
 'radius_attrs': [("    if (a->len != 4)\n        return -1;\n    s->nas_port", "    if (!a || a->len != 4)\n        return -1;\n    s->nas_port")],
 'stun_message': [("    if (a->port == 0 || all_zero(raw, sizeof(raw)))\n", "    if (a->port == 0 || all_zero(raw, n))\n")],
 'ntp_packet': [("    p->next_ext = 0;\n", "    p->next_ext = 0;\n    p->key_id = 0;\n    p->mac_len = 0;\n")],
 'wasm_sections': [("            return i + 1;\n        }\n    }\n    return i;\n", "            return i + 1;\n        }\n    }\n    return 0;\n")],
 'slab_cache': [("    if (sz >= SLAB_OBJ_MAX) {\n", "    if (sz > SLAB_OBJ_MAX) {\n")],
 'email_addr': [("    *d = *s;\n    d->local = strdup(s->local);\n    d->domain = strdup(s->domain);\n    if (!d->local || !d->domain) {\n",
                 "    *d = *s;\n    d->display = s->display ? strdup(s->display) : NULL;\n    d->local = strdup(s->local);\n    d->domain = strdup(s->domain);\n    if (!d->local || !d->domain || (s->display && !d->display)) {\n")],
 'pem_writer': [("    r = w->out;\n    *len = w->len - 1;\n    w->len = 0;\n", "    r = w->out;\n    *len = w->len - 1;\n    w->out = NULL;\n    w->cap = 0;\n    w->len = 0;\n")],
 'bencode': [("            bnode_free(c);\n            if (key)\n                note_key(d, key);\n", "            if (key)\n                note_key(d, key);\n            bnode_free(c);\n")],
 'interval_set': [("        n = cur->next;\n        drop_next(s, cur);\n        if (n->end > cur->end)\n            cur->end = n->end;\n",
                   "        n = cur->next;\n        if (n->end > cur->end)\n            cur->end = n->end;\n        drop_next(s, cur);\n")],
 'refstr': [("        parts[0] = r;\n", "        parts[0] = rstr_retain(r);\n")],
 'glyph_table': [("    struct glyph *g;\n\n    if (!src || cp == target)\n        return -1;\n", "    struct glyph *g, copy;\n\n    if (!src || cp == target)\n        return -1;\n    copy = *src;\n    src = &copy;\n")],
 'io_watch': [("    struct io_watch *w;\n    unsigned rev;", "    struct io_watch *w, *next;\n    unsigned rev;"),
              ("        for (w = l->head; w; w = w->next) {\n            if (w->fd != ev[i].fd)", "        for (w = l->head; w; w = next) {\n            next = w->next;\n            if (w->fd != ev[i].fd)")],
 'glob_match': [("    if (*p == '\\\\' && !(flags & GLOB_NOESCAPE))\n        p++;\n    *pp", "    if (*p == '\\\\' && p[1] != '\\0' && !(flags & GLOB_NOESCAPE))\n        p++;\n    *pp")],
 'smtp_reply': [("    if (plen > SMTP_KEYWORD_MAX)\n        return -1;\n    memcpy(num", "    if (plen >= sizeof(num))\n        return -1;\n    memcpy(num")],
 'semver': [("    if (!is_digits(s, n) || n > sizeof(tmp))\n", "    if (!is_digits(s, n) || n >= sizeof(tmp))\n")],
 'qoi_decode': [("            if (run > px_len - o)\n", "            if (run * ch > px_len - o)\n")],
 'pcap_reader': [("    if (rec->caplen > rec->origlen || rec->caplen", "    if (rec->caplen > rec->origlen || rec->caplen > r->snaplen || rec->caplen")],
 'irc_message': [("    while (p && *p) {\n        if (*p == ':') {", "    while (p && *p) {\n        if (m->nparams >= IRC_MAX_PARAMS)\n            goto fail;\n        if (*p == ':') {"),
                 ("            break;\n        }\n        if (m->nparams >= IRC_MAX_PARAMS)\n            goto fail;\n", "            break;\n        }\n")],
 'hpack_literal': [("&off, name, value_cap, &f->name_len", "&off, name, name_cap, &f->name_len")],
 'ppm_image': [("    return (size_t)info->width * info->height * info->channels;\n", "    return (size_t)info->width * info->height * info->channels * info->sample_bytes;\n")],
 'tls_sni': [("        if (nlen > list_len)\n", "        if (nlen > n - off)\n")],
 'ogg_page': [("    pg->lacing = buf + OGG_HDR_LEN;\n", "    pg->lacing = buf + OGG_HDR_LEN;\n    if (pg->header_len > len)\n        return -1;\n")],
 'dhcp_options': [("    case OPT_REQUESTED_IP:\n        memcpy(", "    case OPT_REQUESTED_IP:\n        if (olen != 4)\n            return -1;\n        memcpy(")],
 'elf_sections': [("    if (st.offset > len || st.size > len)\n", "    if (st.offset > len || st.size > len - st.offset)\n")],
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
