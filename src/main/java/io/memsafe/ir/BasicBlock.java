package io.memsafe.ir;

import java.util.ArrayList;
import java.util.List;

public final class BasicBlock implements java.io.Serializable {
    public final int id;
    public final List<Stmt> stmts = new ArrayList<>();
    public final List<BasicBlock> succs = new ArrayList<>();
    public final List<BasicBlock> preds = new ArrayList<>();

    public BasicBlock(int id) { this.id = id; }

    public void to(BasicBlock b) {
        if (!succs.contains(b)) {
            succs.add(b);
            b.preds.add(this);
        }
    }

    @Override public String toString() { return "B" + id; }
}
