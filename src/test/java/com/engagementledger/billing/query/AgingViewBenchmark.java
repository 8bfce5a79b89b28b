package com.engagementledger.billing.query;

import com.engagementledger.billing.api.AgingView;
import com.engagementledger.billing.api.FindAging;
import com.engagementledger.support.EmbeddedMongo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The aging view over 10,000 issued invoices on the embedded MongoDB (issue 7's bar: 200 ms or less). A benchmark,
 * not a test: surefire's default includes leave it out; run it with
 * {@code ./mvnw -q -Dtest=AgingViewBenchmark -Dsurefire.failIfNoSpecifiedTests=false test} and read its output
 * (docs/benchmarks.md).
 */
class AgingViewBenchmark {

    private static final int INVOICES = 10_000;
    private static final String[] CURRENCIES = {"EUR", "JPY", "KWD"};

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    @Test
    void agingOverTenThousandInvoices() {
        MongoTemplate mongo = STORE.template();
        LocalDate start = LocalDate.of(2025, 1, 1);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            BilledInvoiceDocument doc = new BilledInvoiceDocument();
            String currency = CURRENCIES[i % 3];
            doc.invoiceId = "inv-" + i;
            doc.engagementId = "eng-" + (i % 400);
            doc.clientId = "client-" + (i % 200);
            doc.clientName = "Client " + (i % 200);
            doc.currency = currency;
            doc.period = "2025-01";
            doc.issued = true;
            doc.issueDate = start.plusDays(i % 500);
            doc.dueDate = doc.issueDate.plusDays(30);
            doc.total = new BigDecimal(currency.equals("JPY") ? "677419" : currency.equals("EUR") ? "11177.42"
                    : "2032.258");
            doc.serviceCredits = doc.total.subtract(doc.total);
            doc.balance = doc.total;
            if (i % 2 == 0) {
                doc.movements = List.of(new Movement(MovementKind.PAYMENT, doc.issueDate.plusDays(20),
                        doc.total.divide(BigDecimal.valueOf(2), java.math.RoundingMode.DOWN)));
            }
            Document converted = new Document();
            mongo.getConverter().write(doc, converted);
            batch.add(converted);
            if (batch.size() == 500) {
                mongo.getCollection(BilledInvoiceDocument.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        BillingQueryHandler views = new BillingQueryHandler(new BilledInvoiceReader(mongo), mongo,
                new FakeBillingBases(), Clock.systemUTC());
        long[] millis = new long[15];
        AgingView view = null;
        for (int run = 0; run < millis.length; run++) {
            long began = System.nanoTime();
            view = views.aging(new FindAging(LocalDate.of(2026, 3, 31)));
            millis[run] = (System.nanoTime() - began) / 1_000_000;
        }
        long[] scan = new long[10];
        for (int run = 0; run < scan.length; run++) {
            long began = System.nanoTime();
            int count = 0;
            for (Document ignored : mongo.getCollection(BilledInvoiceDocument.COLLECTION).find()) {
                count++;
            }
            scan[run] = (System.nanoTime() - began) / 1_000_000;
        }
        System.out.printf("bare scan of the collection: %s ms%n", Arrays.toString(scan));
        long[] warm = Arrays.copyOfRange(millis, 5, millis.length);
        Arrays.sort(warm);
        System.out.printf("aging over %d invoices: %d rows; runs %s ms; warm best %d, median %d, worst %d ms%n",
                INVOICES, view.rows().size(), Arrays.toString(millis), warm[0], warm[warm.length / 2],
                warm[warm.length - 1]);
    }
}
