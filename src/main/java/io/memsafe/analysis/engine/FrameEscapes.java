package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Contents;
import io.memsafe.analysis.domain.Lifetime;
import io.memsafe.analysis.domain.Region;
import io.memsafe.analysis.domain.State;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Function;
import io.memsafe.ir.SourceLoc;

import java.util.Map;

/**
 * Storage that ends with a function activation (its locals and parameters, and what the caller lends
 * it for the call only, such as a DriverEntry routine's registry path) whose address a global still
 * holds when the function returns: every later use through the global is a use after the storage
 * ended (Clang's core.StackAddressEscape reports the same for globals). Only a global that holds the
 * address on every path, and nothing else, counts.
 * <p>Likewise a heap block freed while a driver's request handler ran, still designated by a global
 * when the handler returns: requests come again, and the next one that reads the global uses freed
 * memory (reported at the release, where the fix goes).
 */
final class FrameEscapes {
    private FrameEscapes() { }

    private static boolean within(SourceLoc loc, Function fn, SourceLoc last) {
        return loc != null && loc.file().equals(fn.loc.file()) && loc.line() >= fn.loc.line() && loc.line() <= last.line();
    }

    /** Does {@code fn} run while a driver handles a user's request (it is a handler, or one may call it)? */
    private static boolean servesRequests(Interpreter in, Function fn) {
        if (DriverEntryPoints.handlesRequests(fn)) return true;
        for (Function h : in.program.functions) if (h != fn && DriverEntryPoints.handlesRequests(h) && in.callGraph.mayCall(h, fn)) return true;
        return false;
    }

    static void check(Interpreter in, Function fn, State exit, SourceLoc at, Interpreter.Frame f) {
        if (!f.report() || exit.bottom || fn == null) return;
        String frame = Interpreter.frameKeys(fn);
        for (Map.Entry<Region, Contents> e : exit.mem.entrySet()) {
            Region holder = e.getKey();
            if (holder.kind != Region.Kind.GLOBAL || !"declaration".equals(holder.family)) continue;
            for (Map.Entry<Long, Contents.Cell> ce : e.getValue().cells.entrySet()) {
                Contents.Cell cell = ce.getValue();
                Value v = cell.value();
                // (a freed block counts only when the global is that one pointer: a list head or a table in a
                // struct is updated by code whose effect on it the analysis may not see in full)
                boolean wholePointer = ce.getKey() == 0 && Long.valueOf(cell.size()).equals(holder.size.constant());
                // the block the global held when the request came, released through it in this request: it exists
                // only on the paths that released it, so on every path where the global still designates it, it
                // designates freed memory (whatever the global holds on the other paths)
                for (Region storage : v.pts.keySet()) {
                    if (!wholePointer || !GlobalBlocks.FAMILY.equals(storage.family)) continue;
                    Lifetime l = exit.lifetime(storage);
                    if (l == null || !l.must() || !servesRequests(in, fn)) continue;
                    // reported where the global was handed over to be released (the fix goes after that call);
                    // a table's block was allocated elsewhere, and is reported where it was freed
                    SourceLoc released = storage.allocated != null && !GlobalTables.isTable(storage) ? storage.allocated : l.freedAt();
                    for (Checker c : in.checkers) c.onFrameAddressKept(released, holder, storage, null, in.withCalls(f));
                }
                if (v.pts.size() != 1) continue;
                Region storage = v.pts.keySet().iterator().next();
                SourceLoc where = at;
                if (storage.kind == Region.Kind.HEAP) {
                    if (!wholePointer || GlobalBlocks.FAMILY.equals(storage.family)) continue;
                    // a block freed by this function while a request ran, on every path on which the block exists
                    // (on the others the global holds what it held before): the next request finds it through the global
                    Lifetime l = exit.lifetime(storage);
                    if (l == null || !l.must() || !within(l.freedAt(), fn, at) || !servesRequests(in, fn)) continue;
                    where = l.freedAt();
                } else if (v.unknown || !v.num.isBottom() || !storage.key.startsWith(frame) || in.temporaries.contains(storage)) continue;
                for (Checker c : in.checkers) c.onFrameAddressKept(where, holder, storage, Function.called(fn.name), in.withCalls(f));
            }
        }
    }
}
