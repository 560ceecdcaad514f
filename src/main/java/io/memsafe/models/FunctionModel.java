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

    /** The (pointer argument, length argument) pairs of its byte reads and writes whose length is that argument in bytes. */
    public List<int[]> byteAccesses() {
        List<int[]> out = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.ReadBytes r && r.len() instanceof Effect.Len.Arg a && a.scale() == 1) out.add(new int[] {r.arg(), a.arg()});
            if (e instanceof Effect.WriteBytes w && w.len() instanceof Effect.Len.Arg a && a.scale() == 1) out.add(new int[] {w.arg(), a.arg()});
        }
        return out;
    }
}
