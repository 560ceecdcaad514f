package io.memsafe.analysis.engine;

import io.memsafe.ir.Expr;
import io.memsafe.ir.Stmt;
import io.memsafe.ir.Type;

import java.util.List;

/**
 * Calls through a function pointer the analysis cannot resolve that have an allocator's shape:
 * libraries route their allocations through pointers the embedder may replace (libcurl's
 * {@code Curl_cmalloc}, zlib's {@code strm->zalloc}, libexpat's {@code m_mem.malloc_fcn},
 * libxml2's {@code xmlMalloc}), so in one file scanned alone every buffer would otherwise have an
 * unknown size and no overflow of it could be seen. The shape is the prototype of the standard
 * allocator the pointer stands for, by the C types of the call — never by a name:
 * <ul>
 * <li>{@code void *(*)(size_t n)}: malloc(n);</li>
 * <li>{@code void *(*)(size_t n, size_t m)}: calloc(n, m);</li>
 * <li>{@code void *(*)(void *opaque, unsigned n, unsigned m)}: calloc(n, m) (zlib's {@code alloc_func});</li>
 * <li>{@code void *(*)(void *p, size_t n)}: a new block of n bytes, as realloc gives; the old block is
 *     handed to unseen code (whether it was released is not assumed, so nothing is reported as used
 *     after a free on that account).</li>
 * </ul>
 * A replacement allocator keeps malloc's contract (a block of at least the size asked for, or NULL),
 * which is what the embedder's API documents; a block bigger than asked hides nothing the analysis
 * reports, since it bounds accesses by the size asked for as the library's own code must.
 */
final class IndirectAllocators {
    private IndirectAllocators() { }

    /** The standard allocator call an unresolved indirect call stands for, or null. */
    static Stmt.Call asStandard(Stmt.Call c) {
        Type.Function fn = prototype(c);
        if (fn == null || fn.varargs() || c.callee() != null || c.result() == null || c.args().size() != fn.params().size()) return null;
        if (!(fn.returnType() instanceof Type.Pointer rp) || !(rp.pointee() instanceof Type.Void || rp.pointee() instanceof Type.Int i && i.size() == 1)) return null;
        List<Type> p = fn.params();
        List<Expr> a = c.args();
        if (p.size() == 1 && size(p.get(0))) return call(c, "malloc", a.get(0));
        if (p.size() == 2 && size(p.get(0)) && size(p.get(1))) return call(c, "calloc", a.get(0), a.get(1));
        if (p.size() == 2 && opaque(p.get(0)) && size(p.get(1))) return call(c, "malloc", a.get(1));
        if (p.size() == 3 && opaque(p.get(0)) && size(p.get(1)) && size(p.get(2))) return call(c, "calloc", a.get(1), a.get(2));
        return null;
    }

    /** The old block of a realloc-shaped call, which unseen code receives. */
    static boolean reallocates(Stmt.Call c) {
        Type.Function fn = prototype(c);
        return fn != null && fn.params().size() == 2 && opaque(fn.params().get(0));
    }

    /** The prototype of the function an indirect call goes through. */
    private static Type.Function prototype(Stmt.Call c) {
        if (c.calleeExpr() == null) return null;
        Type t = c.calleeExpr().type();
        if (t instanceof Type.Pointer p) t = p.pointee();
        return t instanceof Type.Function fn ? fn : null;
    }

    private static Stmt.Call call(Stmt.Call c, String allocator, Expr... args) {
        return new Stmt.Call(c.result(), allocator, null, List.of(args), c.loc());
    }

    /** An unsigned integer at least as wide as an int: how sizes are passed. */
    private static boolean size(Type t) {
        return t instanceof Type.Int i && !i.signed() && !i.isChar() && i.size() >= 4;
    }

    /** {@code void *}: the allocator's opaque state, or the block a reallocation replaces. */
    private static boolean opaque(Type t) {
        return t instanceof Type.Pointer p && p.pointee() instanceof Type.Void;
    }
}
