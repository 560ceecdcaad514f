import re, sys, os
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cases')
FIX = {
 'bmp_palette': [("if (info->ncolors > sizeof(info->palette))",
                  "if (info->ncolors > sizeof(info->palette) / sizeof(info->palette[0]))")],
 'tlv_device': [("if (vlen > len - 2)", "if (vlen > len - off - 2)")],
 'strbuf_append': [("if (sb_reserve(sb, n) < 0)", "if (n == (size_t)-1 || sb_reserve(sb, n + 1) < 0)")],
 'dns_question': [("if (olen + lab + 1 > sizeof(tmp))", "if (olen + lab + 1 >= sizeof(tmp))")],
 'ring_write': [("    first = r->cap - r->head;\n    if (first > n)\n        first = n;\n    memcpy(r->data + r->tail",
                 "    first = r->cap - r->tail;\n    if (first > n)\n        first = n;\n    memcpy(r->data + r->tail")],
 'mqtt_dispatch': [("if (handlers[type].fn == NULL)",
                    "if (type >= sizeof(handlers) / sizeof(handlers[0]) || handlers[type].fn == NULL)")],
 'outputs_cfg': [("if (idx >= MAX_OUTPUTS)", "if (idx < 0 || idx >= MAX_OUTPUTS)")],
 'tga_rle': [("if (bpp > srclen - s)", "if (count > npix - o || bpp > srclen - s)")],
 'tar_entry': [("nlen = strlen(h->name);", "nlen = strnlen(h->name, sizeof(h->name));")],
 'ini_sections': [("    struct ini_section *parent = NULL, *child;", "    struct ini_section *parent = NULL, *child;\n    size_t pidx = 0;"),
                  ("        if (!parent)\n            return NULL;\n", "        if (!parent)\n            return NULL;\n        pidx = (size_t)(parent - ini->secs);\n"),
                  ("        parent->nchildren++;", "        ini->secs[pidx].nchildren++;")],
 'conn_ondata': [("    s->bytes_in += len;\n", "    s->bytes_in += len;\n    c->last_active = now;\n"),
                 ("out:\n    c->last_active = now;\n", "out:\n")],
 'request_complete': [("    request_unref(r);\n    if (r->on_done)\n        r->on_done(r->cb_arg, status);\n",
                       "    if (r->on_done)\n        r->on_done(r->cb_arg, status);\n    request_unref(r);\n")],
 'timer_expire': [("    struct timer *t;\n    size_t fired", "    struct timer *t, *next;\n    size_t fired"),
                  ("for (t = tl->head; t != NULL; t = t->next) {", "for (t = tl->head; t != NULL; t = next) {\n        next = t->next;")],
 'session_rotate': [("    wipe_free(old);\n    s->rotations++;\n    strncpy(s->prev_prefix, old, sizeof(s->prev_prefix) - 1);\n",
                     "    s->rotations++;\n    strncpy(s->prev_prefix, old, sizeof(s->prev_prefix) - 1);\n    wipe_free(old);\n")],
 'word_counter': [("        return -1;\n    e = malloc(sizeof(*e));", "        return -1;\n    slot = &c->buckets[h % c->nbuckets];\n    e = malloc(sizeof(*e));")],
 'contact_parse': [("    if (!valid_email(c->email)) {\n        free(c->email);\n        goto fail;\n    }\n",
                    "    if (!valid_email(c->email))\n        goto fail;\n")],
 'http_body': [("    free(m->body);\n    if (len > MSG_BODY_MAX || tlen >= sizeof(m->content_type))\n        return -1;\n",
                "    if (len > MSG_BODY_MAX || tlen >= sizeof(m->content_type))\n        return -1;\n    free(m->body);\n")],
 'url_parse': [('        u->path = "/";', '        u->path = strdup("/");')],
 'auth_bearer': [("    char *hdr;\n", "    char *buf, *hdr;\n"),
                 ("    hdr = strdup(value);\n    if (!hdr)\n        return 0;\n    hdr = trim(hdr);\n",
                  "    buf = strdup(value);\n    if (!buf)\n        return 0;\n    hdr = trim(buf);\n"),
                 ("    free(hdr);", "    free(buf);")],
 'frame_header': [("        extra = (size_t)f->width * f->height / 2;\n        break;\n",
                   "        extra = (size_t)f->width * f->height / 2;\n        break;\n    default:\n        return -1;\n")],
 'listen_spec': [("        parse_u16(colon + 1, &port);", "        if (parse_u16(colon + 1, &port) < 0)\n            return -1;")],
 'http_head': [("struct http_request *r = malloc(sizeof(*r));", "struct http_request *r = calloc(1, sizeof(*r));")],
 'record_stream': [("    int k;\n\n", "    int k;\n\n    if (rec->filled != rec->len)\n        return -1;\n")],
 'sample_sizes': [("    t->sizes = malloc((size_t)count * sizeof(*t->sizes));\n",
                   "    t->sizes = malloc((size_t)count * sizeof(*t->sizes));\n    if (count > 0 && !t->sizes)\n        return -1;\n")],
 'absolute_url': [("    int n;\n\n    n = snprintf", "    int n;\n\n    if (!host)\n        return -1;\n    n = snprintf"),
                  ("    const char *hostname = host->value;\n    int n;\n", "    const char *hostname;\n    int n;\n"),
                  ("        return -1;\n    n = snprintf", "        return -1;\n    hostname = host->value;\n    n = snprintf")],
 'conf_line': [("    eq = strchr(key, '=');\n", "    eq = strchr(key, '=');\n    if (!eq)\n        return -1;\n")],
 'passwd_line': [("parse_id(f[3], flen[3], &u->gid) < 0)\n        return -1;\n", "parse_id(f[3], flen[3], &u->gid) < 0) {\n        free(name);\n        return -1;\n    }\n")],
 'conn_peer': [("    c->peer = strdup(buf);", "    free(c->peer);\n    c->peer = strdup(buf);")],
 'blob_record': [("    need = 8u + name_len + data_len;\n    if (need > len)", "    need = 8u + name_len;\n    if (need > len || data_len > len - need)")],
 'ipv4_payload': [("    if (p->total_len > len)\n", "    if (p->total_len > len || p->total_len < p->hdr_len)\n")],
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
    open(f'{D}/{n}_good.c', 'w').write(g)
print(len(names), 'goods written')
