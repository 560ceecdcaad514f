package io.memsafe.analysis.engine;

import io.memsafe.analysis.domain.Interval;
import io.memsafe.analysis.domain.Value;
import io.memsafe.ir.Expr.BinOp;
import io.memsafe.ir.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotients and remainders of 64-bit unsigned values: SIZE_MAX is held as -1, and dividing it as a
 * signed number gave 0, so the guard {@code if (n > SIZE_MAX / 2) fail;} failed for every n.
 */
class UnsignedQuotientTest {
    private static final Type.Int SIZE_T = new Type.Int(8, false, false);
    private static final Type.Int LONG = new Type.Int(8, true, false);

    @Test
    void sizeMaxDividedIsHalfOfItUnsigned() {
        Value half = ValueArithmetic.binary(BinOp.DIV, Value.of(-1), Value.of(2), 1, SIZE_T);
        assertThat(half.num).isEqualTo(Interval.of(Long.MAX_VALUE));
        Value perItem = ValueArithmetic.binary(BinOp.DIV, Value.of(-1), Value.of(16), 1, SIZE_T);
        assertThat(perItem.num).isEqualTo(Interval.of(0x0FFF_FFFF_FFFF_FFFFL));
        assertThat(ValueArithmetic.binary(BinOp.MOD, Value.of(-1), Value.of(10), 1, SIZE_T).num).isEqualTo(Interval.of(5));
    }

    @Test
    void signedDivisionAndRangesKeepTheirMeaning() {
        assertThat(ValueArithmetic.binary(BinOp.DIV, Value.of(-1), Value.of(2), 1, LONG).num).isEqualTo(Interval.of(0));
        // a range that may hold such a constant is "anything up to huge" divided
        Value r = ValueArithmetic.binary(BinOp.DIV, Value.of(Interval.of(-1, 100)), Value.of(2), 1, SIZE_T);
        assertThat(r.num.lo()).isZero();
        assertThat(r.num.hi()).isEqualTo(Interval.POS_INF);
        assertThat(ValueArithmetic.binary(BinOp.DIV, Value.of(100), Value.of(7), 1, SIZE_T).num).isEqualTo(Interval.of(14));
    }
}
