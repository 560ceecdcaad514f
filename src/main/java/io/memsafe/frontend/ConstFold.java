package io.memsafe.frontend;

import io.memsafe.ir.Expr;

import java.math.BigInteger;

/** Integer constant expressions (array sizes, case labels) folded at lowering time. */
final class ConstFold {
    private ConstFold() { }

    static Long value(Expr e) {
        return switch (e) {
            case Expr.IntConst c -> c.value();
            case Expr.Cast c -> value(c.operand());
            case Expr.Unary u -> {
                Long v = value(u.operand());
                if (v == null) yield null;
                yield switch (u.op()) { case NEG -> -v; case NOT -> v == 0 ? 1L : 0L; case BITNOT -> ~v; };
            }
            case Expr.Binary b -> {
                Long l = value(b.left()), r = value(b.right());
                if (l == null || r == null) yield null;
                yield switch (b.op()) {
                    case ADD -> l + r; case SUB -> l - r; case MUL -> l * r;
                    case DIV -> r == 0 ? null : l / r; case MOD -> r == 0 ? null : l % r;
                    case SHL -> l << r; case SHR -> l >> r; case AND -> l & r; case OR -> l | r; case XOR -> l ^ r;
                    case LT -> l < r ? 1L : 0L; case LE -> l <= r ? 1L : 0L; case GT -> l > r ? 1L : 0L;
                    case GE -> l >= r ? 1L : 0L; case EQ -> l.equals(r) ? 1L : 0L; case NE -> l.equals(r) ? 0L : 1L;
                    case PTRDIFF -> null;
                };
            }
            default -> null;
        };
    }

    /** A C integer literal's value (suffixes and digit separators dropped); null when it does not fit 64 bits. */
    static Long parseInteger(String text) {
        String s = text.replaceAll("[uUlLzZ]+$", "").replace("'", "");
        try {
            BigInteger v;
            if (s.startsWith("0x") || s.startsWith("0X")) v = new BigInteger(s.substring(2), 16);
            else if (s.startsWith("0b") || s.startsWith("0B")) v = new BigInteger(s.substring(2), 2);
            else if (s.length() > 1 && s.startsWith("0")) v = new BigInteger(s.substring(1), 8);
            else v = new BigInteger(s);
            return v.bitLength() < 64 ? v.longValue() : (v.bitLength() == 64 ? v.longValue() : null);
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
