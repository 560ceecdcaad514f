package io.memsafe.models;

import java.util.ArrayList;
import java.util.List;

/**
 * The declarative model of one library function: what it reads, writes, allocates and frees, and
 * what it returns. {@code pure} means it touches no memory its pointer arguments reach beyond the
 * reads listed (so the analysis need not forget what those buffers hold).
 */
public record FunctionModel(String name, List<Effect> effects, Returns returns, boolean pure) {
    /** The argument this function releases (free, kfree, ExFreePoolWithTag), or -1 when it releases none. */
    public int releasedArgument() {
        for (Effect e : effects) if (e instanceof Effect.Deallocate d) return d.arg();
        return -1;
    }

    /**
     * The (pointer argument, length argument) pairs of its byte reads and writes whose length is that
     * argument in bytes; (pointer, a, b) when it is the product of two arguments ({@code fread}'s size
     * and count).
     */
    public List<int[]> byteAccesses() {
        return byteAccesses(false);
    }

    /** The same, of its byte writes only ({@code written}) or of all its byte accesses. */
    public List<int[]> byteAccesses(boolean written) {
        List<int[]> out = new ArrayList<>();
        for (Effect e : effects) {
            if (written && !(e instanceof Effect.WriteBytes)) continue;
            int ptr = e instanceof Effect.ReadBytes r ? r.arg() : e instanceof Effect.WriteBytes w ? w.arg() : -1;
            Effect.Len len = e instanceof Effect.ReadBytes r ? r.len() : e instanceof Effect.WriteBytes w ? w.len() : null;
            if (len instanceof Effect.Len.Arg a && a.scale() == 1) out.add(new int[] {ptr, a.arg()});
            if (len instanceof Effect.Len.Product p) out.add(new int[] {ptr, p.a(), p.b()});
        }
        return out;
    }
}
