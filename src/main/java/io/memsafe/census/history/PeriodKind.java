package io.memsafe.census.history;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Calendar periods in UTC. */
public enum PeriodKind {
    month, quarter;

    /** First day of the period containing the instant (epoch seconds, UTC). */
    public LocalDate startOf(long epochSeconds) {
        LocalDate d = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC).toLocalDate();
        return startOf(d);
    }

    public LocalDate startOf(LocalDate d) {
        return switch (this) {
            case month -> d.withDayOfMonth(1);
            case quarter -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
        };
    }

    public LocalDate next(LocalDate start) {
        return this == month ? start.plusMonths(1) : start.plusMonths(3);
    }

    public static long epoch(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
