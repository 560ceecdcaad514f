#!/usr/bin/env python3
"""Regenerates every cases/*_good.c from cases/*_bad.c: strips the
`// expect-warning: CWE-NNN` marker and applies the minimal fix listed in FIX.
Each (old, new) replacement must match exactly once."""
import os
import re

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cases')

FIX = {
 'png_chunks': [("        if (clen > len - off - 8)\n",
                 "        if (clen > len - off - 8 || len - off - 8 - clen < 4)\n")],
 'ipv6_addr': [("        int nd = 0, h;\n\n",
                "        int nd = 0, h;\n\n        if (nw == 8)\n            return -1;\n")],
 'pb_samples': [("if (s->nvalues > s->count)", "if (s->nvalues >= s->count)")],
 'midi_track': [("} else if (status >= 0xf0) {", "} else if (status >= 0xf0 || status < 0x80) {")],
 'utf8_columns': [("if (n == 0 || (size_t)n > len) {", "if (n == 0 || (size_t)n > len - i) {")],
 'b64_blob': [("    return n / 4 * 3;", "    return (n + 3) / 4 * 3;")],
 'json_writer': [("jw_reserve(w, n * 2 + 2)", "jw_reserve(w, n * 6 + 2)")],
 'csv_table': [("    for (;;) {\n        char *f = malloc", "    while (nf < max) {\n        char *f = malloc")],
 'event_bus': [("    size_t n = 0;\n\n    for (s = b->head;", "    size_t n = 0;\n\n    b->publishing++;\n    for (s = b->head;"),
               ("    }\n    if (b->publishing == 0 && b->pending_removals)",
                "    }\n    b->publishing--;\n    if (b->publishing == 0 && b->pending_removals)")],
 'attr_pool': [("        return -1;\n    n = pool_add(el, name, nlen);",
                "        return -1;\n    if (pool_reserve(el, nlen + vlen + 2) < 0)\n        return -1;\n    n = pool_add(el, name, nlen);")],
 'ws_conn': [("        rc = ws->on_message(ws->cb_arg, ws, opcode, payload, (size_t)plen);\n        ws->frames_in++;\n",
              "        ws->frames_in++;\n        rc = ws->on_message(ws->cb_arg, ws, opcode, payload, (size_t)plen);\n")],
 'blob_cache': [("        blob_release(old);\n        c->bytes -= old->len;\n",
                 "        c->bytes -= old->len;\n        blob_release(old);\n")],
 'outbox': [("    struct outmsg *m;\n    int rc;\n", "    struct outmsg *m;\n    unsigned id;\n    int rc;\n"),
            ("        rc = outbox_deliver(ob, m);", "        id = m->id;\n        rc = outbox_deliver(ob, m);"),
            ("ob->last_dropped_id = m->id;", "ob->last_dropped_id = id;")],
 'session_audit': [("    memset(s->token, 0, strlen(s->token));\n", "    session_audit(t, s, \"logout\", now);\n    memset(s->token, 0, strlen(s->token));\n"),
                   ("    t->active--;\n    session_audit(t, s, \"logout\", now);\n", "    t->active--;\n")],
 'page_lru': [("    free(victim);\n    l->tail = victim->prev;\n    if (l->tail)\n        l->tail->next = NULL;\n    else\n        l->head = NULL;\n",
               "    l->tail = victim->prev;\n    if (l->tail)\n        l->tail->next = NULL;\n    else\n        l->head = NULL;\n    free(victim);\n")],
 'route_table': [("    memcpy(dst->routes, src->routes, src->count * sizeof(*src->routes));\n    dst->count = src->count;\n",
                  "    memcpy(dst->routes, src->routes, src->count * sizeof(*src->routes));\n"
                  "    for (dst->count = 0; dst->count < src->count; dst->count++) {\n"
                  "        dst->routes[dst->count].pattern = strdup(src->routes[dst->count].pattern);\n"
                  "        if (!dst->routes[dst->count].pattern)\n"
                  "            return -1;\n"
                  "    }\n")],
 'env_block': [("    e->vars[e->count] = NULL;\n    return 0;\n}\n\nconst char *env_get",
                "    e->vars[--e->count] = NULL;\n    return 0;\n}\n\nconst char *env_get")],
 'mime_parts': [("copy, len) < 0) {\n        free(copy);\n        return -1;\n    }\n", "copy, len) < 0)\n        return -1;\n")],
 'tag_set': [("    free(t->ids);\n    free(t);", "    if (t->ids != t->inline_ids)\n        free(t->ids);\n    free(t);")],
 'wav_probe': [("    if (!have_data)\n        return -1;", "    if (!have_fmt || !have_data)\n        return -1;")],
 'ctrl_proto': [("    case CTRL_PING:\n        if (len != 0)\n            goto reject;\n        break;",
                 "    case CTRL_PING:\n        if (len != 0)\n            goto reject;\n        m->flags = hdr_flags;\n        break;")],
 'probe_map': [("struct pm_slot *ns = malloc(newcap * sizeof(*ns));", "struct pm_slot *ns = calloc(newcap, sizeof(*ns));")],
 'resp_command': [("        if (rc < 0)\n            return -1;\n        if (blen < 0", "        if (rc <= 0)\n            return rc;\n        if (blen < 0")],
 'static_files': [("    m = mime_lookup(path);\n    max_age", "    m = mime_lookup(path);\n    if (!m)\n        m = &mime_default;\n    max_age")],
 'admin_socket': [("if (verb[0] == '#')", "if (verb == NULL || verb[0] == '#')")],
 'acl_groups': [("    g = find_group(a, u->group);\n", "    g = find_group(a, u->group);\n    if (!g)\n        return (u->extra & want) == want;\n")],
 'form_part': [("    free(p->name);\n    free(p->content_type);\n    memset(p, 0, sizeof(*p));",
                "    free(p->name);\n    free(p->filename);\n    free(p->content_type);\n    memset(p, 0, sizeof(*p));")],
 'kv_store': [("    free(e->key);\n    free(e);\n    return 0;", "    free(e->key);\n    free(e->val);\n    free(e);\n    return 0;")],
 'pgm_image': [("    npix = w * h;", "    if (w > INT_MAX / h)\n        return -1;\n    npix = w * h;")],
 'ssh_packet': [("    if (pad_len < 4)\n", "    if (pad_len < 4 || pad_len >= packet_len)\n")],
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
