package io.memsafe.frontend;

import io.memsafe.ir.DataModel;
import org.eclipse.cdt.core.dom.ast.DOMException;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IEnumerator;
import org.eclipse.cdt.core.dom.ast.IValue;

/**
 * Array sizes that CDT folds wrong: it takes {@code sizeof "literal"} for the size of a pointer, so
 * {@code char msg[(sizeof PREFIX) - 1 + MAX]} (libpng's error messages, curl's {@code STRCONST})
 * came out 8 - 1 + MAX bytes long. Where the declared size mentions the size of a string literal,
 * it is folded here: integer and character literals, enumerators, the size of a literal (terminator
 * included), parentheses, casts and arithmetic; anything else leaves CDT's value.
 */
final class ArraySizes {
    private ArraySizes() { }

    /** The array's length when its size expression mentions sizeof of a string literal and folds; null otherwise. */
    static Long refolded(IArrayType a, DataModel model) {
        IASTExpression e;
        try {
            e = a.getArraySizeExpression();
        } catch (DOMException | RuntimeException x) {
            return null;
        }
        if (e == null || !mentionsLiteralSize(e)) return null;
        Long v = fold(e, model);
        return v != null && v >= 0 ? v : null;
    }

    private static boolean mentionsLiteralSize(IASTExpression e) {
        return switch (e) {
            case IASTUnaryExpression u -> literalSize(u) || u.getOperand() != null && mentionsLiteralSize(u.getOperand());
            case IASTBinaryExpression b -> mentionsLiteralSize(b.getOperand1()) || mentionsLiteralSize(b.getOperand2());
            case IASTCastExpression c -> mentionsLiteralSize(c.getOperand());
            default -> false;
        };
    }

    private static boolean literalSize(IASTUnaryExpression u) {
        return u.getOperator() == IASTUnaryExpression.op_sizeof && unparen(u.getOperand()) instanceof IASTLiteralExpression l
                && l.getKind() == IASTLiteralExpression.lk_string_literal;
    }

    private static IASTExpression unparen(IASTExpression e) {
        while (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) e = u.getOperand();
        return e;
    }

    private static Long fold(IASTExpression e, DataModel model) {
        switch (e) {
            case IASTLiteralExpression l -> {
                String text = new String(l.getValue());
                if (l.getKind() == IASTLiteralExpression.lk_integer_constant) return ConstFold.parseInteger(text);
                if (l.getKind() == IASTLiteralExpression.lk_char_constant) {
                    StringLiterals.Decoded d = StringLiterals.parse(text.replace('\'', '"'), model.wcharSize);
                    return d.text().isEmpty() ? null : (long) d.text().codePointAt(0);
                }
                return null;
            }
            case IASTIdExpression id -> {
                if (id.getName().resolveBinding() instanceof IEnumerator en) {
                    IValue v = en.getValue();
                    Number n = v == null ? null : v.numberValue();
                    return n == null ? null : n.longValue();
                }
                return null;
            }
            case IASTCastExpression c -> { return fold(c.getOperand(), model); }
            case IASTUnaryExpression u -> {
                if (literalSize(u)) {
                    IASTLiteralExpression lit = (IASTLiteralExpression) unparen(u.getOperand());
                    StringLiterals.Decoded d = StringLiterals.parse(new String(lit.getValue()), model.wcharSize);
                    return (long) (d.text().length() + 1) * d.elementSize();
                }
                Long v = u.getOperand() == null ? null : fold(u.getOperand(), model);
                if (v == null) return null;
                return switch (u.getOperator()) {
                    case IASTUnaryExpression.op_bracketedPrimary, IASTUnaryExpression.op_plus -> v;
                    case IASTUnaryExpression.op_minus -> -v;
                    case IASTUnaryExpression.op_tilde -> ~v;
                    default -> null;
                };
            }
            case IASTBinaryExpression b -> {
                Long l = fold(b.getOperand1(), model), r = fold(b.getOperand2(), model);
                if (l == null || r == null) return null;
                return switch (b.getOperator()) {
                    case IASTBinaryExpression.op_plus -> l + r;
                    case IASTBinaryExpression.op_minus -> l - r;
                    case IASTBinaryExpression.op_multiply -> l * r;
                    case IASTBinaryExpression.op_divide -> r == 0 ? null : l / r;
                    case IASTBinaryExpression.op_modulo -> r == 0 ? null : l % r;
                    case IASTBinaryExpression.op_shiftLeft -> l << r;
                    case IASTBinaryExpression.op_shiftRight -> l >> r;
                    default -> null;
                };
            }
            default -> { return null; }
        }
    }
}
