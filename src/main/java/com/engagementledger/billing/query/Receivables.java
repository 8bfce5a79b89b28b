package com.engagementledger.billing.query;

import com.engagementledger.billing.api.AgingRow;
import com.engagementledger.billing.api.RevenueRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aging and revenue arithmetic of finance's views (ADR 0034), pure: issued invoices in, rows out. Every sum is
 * within one currency, at that currency's minor digits.
 */
final class Receivables {

    private Receivables() {
    }

    /** Which aging column a balance goes in, by days past the due date on the view's day. */
    enum Bucket {
        CURRENT, DAYS_1_TO_30, DAYS_31_TO_60, DAYS_61_TO_90, OVER_90;

        static Bucket of(long daysPastDue) {
            if (daysPastDue <= 0) {
                return CURRENT;
            }
            if (daysPastDue <= 30) {
                return DAYS_1_TO_30;
            }
            if (daysPastDue <= 60) {
                return DAYS_31_TO_60;
            }
            return daysPastDue <= 90 ? DAYS_61_TO_90 : OVER_90;
        }
    }

    /** Adds up the aging of invoices handed in one at a time, per client and currency. */
    static final class Aging {

        private final LocalDate asOf;
        private final Map<List<String>, BigDecimal[]> sums = new LinkedHashMap<>();
        /** The client's name on its latest invoice issued by the view's day. */
        private final Map<String, LocalDate> nameIssuedOn = new LinkedHashMap<>();
        private final Map<String, String> names = new LinkedHashMap<>();

        Aging(LocalDate asOf) {
            this.asOf = asOf;
        }

        void add(BilledInvoice invoice) {
            if (!invoice.standingOn(asOf)) {
                return;
            }
            LocalDate namedOn = nameIssuedOn.get(invoice.clientId());
            if (invoice.clientName() != null && (namedOn == null || !invoice.issueDate().isBefore(namedOn))) {
                nameIssuedOn.put(invoice.clientId(), invoice.issueDate());
                names.put(invoice.clientId(), invoice.clientName());
            }
            BigDecimal balance = invoice.balanceOn(asOf);
            if (balance.signum() == 0) {
                return;
            }
            Bucket bucket = Bucket.of(ChronoUnit.DAYS.between(invoice.dueDate(), asOf));
            BigDecimal[] row = sums.computeIfAbsent(List.of(invoice.clientId(), invoice.currency()),
                    key -> zeros(invoice.currency(), Bucket.values().length));
            row[bucket.ordinal()] = row[bucket.ordinal()].add(balance);
        }

        /** By client name, client id and currency; a client and currency that owed nothing on the day has no row. */
        List<AgingRow> rows() {
            List<AgingRow> rows = new ArrayList<>();
            sums.forEach((key, buckets) -> {
                String clientId = key.get(0);
                String currency = key.get(1);
                BigDecimal total = zero(currency);
                for (BigDecimal amount : buckets) {
                    total = total.add(amount);
                }
                if (total.signum() == 0) {
                    return;
                }
                rows.add(new AgingRow(clientId, names.get(clientId), currency, scaled(buckets[0], currency),
                        scaled(buckets[1], currency), scaled(buckets[2], currency), scaled(buckets[3], currency),
                        scaled(buckets[4], currency), scaled(total, currency)));
            });
            rows.sort(Comparator.comparing((AgingRow row) -> row.clientName() == null ? "" : row.clientName())
                    .thenComparing(AgingRow::clientId).thenComparing(AgingRow::currency));
            return rows;
        }
    }

    /** Adds up invoiced, collected and credited per month and currency for the months {@code from} to {@code to}. */
    static final class Revenue {

        private static final int INVOICED = 0;
        private static final int COLLECTED = 1;
        private static final int CREDITED = 2;

        private final YearMonth from;
        private final YearMonth to;
        private final Map<String, Map<YearMonth, BigDecimal[]>> byCurrency = new TreeMap<>();

        Revenue(YearMonth from, YearMonth to) {
            this.from = from;
            this.to = to;
        }

        void add(BilledInvoice invoice) {
            // a voided invoice counts as never invoiced: nothing of it is revenue, as reconciliation leaves it out
            if (invoice.voided()) {
                return;
            }
            add(invoice.currency(), YearMonth.from(invoice.issueDate()), INVOICED, invoice.total());
            for (Movement movement : invoice.movements()) {
                YearMonth month = YearMonth.from(movement.date());
                switch (movement.kind()) {
                    case PAYMENT -> add(invoice.currency(), month, COLLECTED, movement.amount());
                    case REFUND, CHARGEBACK -> add(invoice.currency(), month, COLLECTED, movement.amount().negate());
                    case CREDIT_NOTE -> add(invoice.currency(), month, CREDITED, movement.amount());
                }
            }
        }

        private void add(String currency, YearMonth month, int column, BigDecimal amount) {
            if (month.isBefore(from) || month.isAfter(to)) {
                return;
            }
            BigDecimal[] sums = byCurrency.computeIfAbsent(currency, c -> new TreeMap<>())
                    .computeIfAbsent(month, m -> zeros(currency, 3));
            sums[column] = sums[column].add(amount);
        }

        /** Every month of the range for each currency that has something in it, by month, then currency. */
        List<RevenueRow> rows() {
            TreeSet<String> currencies = new TreeSet<>(byCurrency.keySet());
            List<RevenueRow> rows = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                for (String currency : currencies) {
                    BigDecimal[] sums = byCurrency.get(currency).getOrDefault(month, zeros(currency, 3));
                    rows.add(new RevenueRow(month.toString(), currency, scaled(sums[INVOICED], currency),
                            scaled(sums[COLLECTED], currency), scaled(sums[CREDITED], currency)));
                }
            }
            return rows;
        }
    }

    static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(minorDigits(currency));
    }

    /** {@code amount} at the currency's minor digits; amounts of an invoice never have more. */
    static BigDecimal scaled(BigDecimal amount, String currency) {
        return amount.setScale(minorDigits(currency));
    }

    private static int minorDigits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    private static BigDecimal[] zeros(String currency, int count) {
        BigDecimal[] zeros = new BigDecimal[count];
        java.util.Arrays.fill(zeros, zero(currency));
        return zeros;
    }
}
