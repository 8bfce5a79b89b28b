package com.engagementledger.billing.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the issued invoices of the billing read model straight from the driver, only the fields a view needs and
 * without the object mapper: the aging view reads every issued invoice there is (10,000 within its 200 ms budget,
 * ADR 0034), and the embedded MongoDB scans the collection whatever the filter.
 */
@Component
class BilledInvoiceReader {

    private static final Bson FIELDS = Projections.include("engagementId", "clientId", "clientName", "currency",
            "period", "issueDate", "dueDate", "total", "serviceCredits", "voidedOn", "movements");

    private final MongoTemplate mongo;

    BilledInvoiceReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every issued invoice, voided ones included. */
    void issued(Consumer<BilledInvoice> each) {
        // The embedded server scans whatever the filter, and evaluating a filter and a projection on each document
        // costs it several times the scan itself (docs/benchmarks.md): read every document whole, filter here.
        for (Document doc : mongo.getCollection(BilledInvoiceDocument.COLLECTION).find().batchSize(2_000)) {
            if (Boolean.TRUE.equals(doc.getBoolean("issued"))) {
                each.accept(invoice(doc));
            }
        }
    }

    /** The issued invoices of one engagement, voided ones included. */
    List<BilledInvoice> issuedOf(String engagementId) {
        List<BilledInvoice> invoices = new ArrayList<>();
        select(Filters.and(Filters.eq("issued", true), Filters.eq("engagementId", engagementId)), invoices::add);
        return invoices;
    }

    private void select(Bson filter, Consumer<BilledInvoice> each) {
        for (Document doc : mongo.getCollection(BilledInvoiceDocument.COLLECTION).find(filter).projection(FIELDS)
                .batchSize(2_000)) {
            each.accept(invoice(doc));
        }
    }

    private static BilledInvoice invoice(Document doc) {
        List<Movement> movements = new ArrayList<>();
        List<?> stored = doc.get("movements", List.class);
        if (stored != null) {
            for (Object element : stored) {
                Document movement = (Document) element;
                movements.add(new Movement(MovementKind.valueOf(movement.getString("kind")),
                        date(movement.get("date")), amount(movement.get("amount"))));
            }
        }
        BigDecimal total = amount(doc.get("total"));
        Object credits = doc.get("serviceCredits");
        return new BilledInvoice(doc.getString("_id"), doc.getString("engagementId"), doc.getString("clientId"),
                doc.getString("clientName"), doc.getString("currency"), doc.getString("period"),
                date(doc.get("issueDate")), date(doc.get("dueDate")), total,
                credits == null ? total.subtract(total) : amount(credits), date(doc.get("voidedOn")), movements);
    }

    private static LocalDate date(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        return LocalDate.parse(stored.toString());
    }

    private static BigDecimal amount(Object stored) {
        if (stored instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return new BigDecimal(stored.toString());
    }
}
