package io.memsafe.analysis.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetTest {
    @Test
    void theStepCountIsTheLimitThatNormallyApplies() {
        assertThat(Budget.DEFAULT_STEPS).isEqualTo(300_000L);
        assertThat(Budget.DEFAULT_MILLIS).isEqualTo(60_000L);
        Budget b = new Budget(Budget.DEFAULT_STEPS, Budget.DEFAULT_MILLIS, 20_000);
        for (long i = 0; i < Budget.DEFAULT_STEPS; i++) b.step();
        // a count, not the clock, stops it: a message the result cache treats as reproducible
        assertThatThrownBy(b::step).isInstanceOf(Budget.Exhausted.class).hasMessage("more than 300000 abstract steps");
    }

    @Test
    void theWallClockStopsOnlyARootPastItsSafetyNet() {
        Budget b = new Budget(Budget.DEFAULT_STEPS, -1, 20_000); // its deadline already past
        assertThatThrownBy(() -> { for (int i = 0; i < 16; i++) b.step(); })
                .isInstanceOf(Budget.Exhausted.class).hasMessage("time budget exceeded");
    }
}
