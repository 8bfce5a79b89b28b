package com.engagementledger.iptransfer.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.engagement.api.IpTrigger;
import com.engagementledger.invoicing.api.InvoiceMovementKind;
import com.engagementledger.iptransfer.api.AssignmentCertificate;
import com.engagementledger.iptransfer.api.CertificateEvent;
import com.engagementledger.iptransfer.api.IpTransferOpened;
import com.engagementledger.iptransfer.api.SourceEvent;
import com.engagementledger.iptransfer.command.TransferMoney.NotedMovement;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The certificate and its hash: what it says, that anyone recomputes the hash without the RFC 8785 library (sorted
 * keys, compact, UTF-8, SHA-256), and a golden certificate whose bytes and hash must never change, so that a change
 * of serialization is caught before it makes issued certificates unverifiable.
 */
class AssignmentCertificatesTest {

    /**
     * sha256 of src/test/resources/iptransfer/certificate-golden.json, which was written outside the application
     * (Python's json with sort_keys and compact separators, then hashlib).
     */
    private static final String GOLDEN_SHA256 = "08baf89be7e861fa825b9bd837e23be8b710c20cd4242df2f7e7a3d995d12382";

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void theCertificateNamesTheInvoiceItsAmountsAsMinorUnitStringsAndTheEventsInSequenceOrder() {
        AssignmentCertificate certificate = golden();
        assertThat(certificate.schema()).isEqualTo("engagement-ledger/ip-assignment-certificate/1");
        assertThat(certificate.invoiceTotal()).isEqualTo("11177.40");
        assertThat(certificate.amountDue()).isEqualTo("11077.40");
        assertThat(certificate.amountPaid()).isEqualTo("11077.40");
        assertThat(certificate.issueDate()).isEqualTo("2026-03-02");
        assertThat(certificate.assignedAt()).as("the latest of its events' timestamps")
                .isEqualTo("2026-03-20T14:05:30.250Z");
        assertThat(certificate.events()).extracting(CertificateEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(certificate.exclusions()).containsExactly("Müller UI-Kit", "Charting lib");
    }

    @Test
    void theHashRecomputesFromSortedCompactUtf8JsonWithoutTheCanonicalizationLibrary() throws Exception {
        AssignmentCertificate certificate = golden();
        ObjectMapper sorted = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Object tree = sorted.convertValue(certificate, Map.class);
        byte[] json = sorted.writeValueAsBytes(tree);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo(AssignmentCertificates.canonicalJson(certificate));
        assertThat(sha256(json)).isEqualTo(AssignmentCertificates.sha256(certificate));
    }

    @Test
    void theGoldenCertificateKeepsItsBytesAndItsHash() throws IOException, NoSuchAlgorithmException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/iptransfer/certificate-golden.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(AssignmentCertificates.canonicalJson(golden())).isEqualTo(golden);
        assertThat(sha256(golden.getBytes(StandardCharsets.UTF_8))).isEqualTo(GOLDEN_SHA256);
        assertThat(AssignmentCertificates.sha256(golden())).isEqualTo(GOLDEN_SHA256);
    }

    @Test
    void theSameEventsInAnotherOrderGiveTheSameCertificate() {
        List<SourceEvent> reversed = new ArrayList<>(sources());
        Collections.reverse(reversed);
        AssignmentCertificate other = AssignmentCertificates.certificate(opened(), exclusions(), money(), reversed);
        assertThat(other).isEqualTo(golden());
        assertThat(AssignmentCertificates.sha256(other)).isEqualTo(AssignmentCertificates.sha256(golden()));
    }

    @Test
    void aZeroDecimalCurrencyHasNoDecimalsOnTheCertificate() {
        IpTransferOpened yen = new IpTransferOpened("ipt-inv-9", "inv-9", "INV-2026-000009", "eng-9", "client-9",
                "Tanaka KK", "2026-02", "JPY", LocalDate.of(2026, 3, 2), new BigDecimal("677419"),
                IpTrigger.ON_CREATION, List.of(), sources().get(0), null);
        AssignmentCertificate certificate = AssignmentCertificates.certificate(yen, List.of(),
                TransferMoney.of(Currency.getInstance("JPY"), new BigDecimal("677419"), List.of()),
                List.of(sources().get(0)));
        assertThat(certificate.invoiceTotal()).isEqualTo("677419");
        assertThat(certificate.amountPaid()).isEqualTo("0");
        assertThat(certificate.trigger()).isEqualTo("ON_CREATION");
    }

    private static AssignmentCertificate golden() {
        return AssignmentCertificates.certificate(opened(), exclusions(), money(), sources());
    }

    private static IpTransferOpened opened() {
        return new IpTransferOpened("ipt-inv-7", "inv-7", "INV-2026-000007", "eng-7", "client-7",
                "Søren & Ülla \"Design\" GmbH", "2026-02", "EUR", LocalDate.of(2026, 3, 2),
                new BigDecimal("11177.40"), IpTrigger.ON_PAYMENT, List.of("old list"), sources().get(0), null);
    }

    private static List<String> exclusions() {
        return List.of("Müller UI-Kit", "Charting lib");
    }

    private static TransferMoney money() {
        return TransferMoney.of(EUR, new BigDecimal("11177.40"), List.of(
                new NotedMovement(InvoiceMovementKind.PAYMENT, "pay-1", new BigDecimal("5000.00"), 2),
                new NotedMovement(InvoiceMovementKind.CREDIT_NOTE, "cn-1", new BigDecimal("100.00"), 3),
                new NotedMovement(InvoiceMovementKind.PAYMENT, "pay-2", new BigDecimal("6077.40"), 4)));
    }

    private static List<SourceEvent> sources() {
        return List.of(
                new SourceEvent("7f0c1a52-0000-4000-8000-000000000001", "InvoiceIssued", 1, 4211,
                        Instant.parse("2026-03-02T09:00:00Z")),
                new SourceEvent("7f0c1a52-0000-4000-8000-000000000002", "PaymentRecorded", 2, 4380,
                        Instant.parse("2026-03-10T08:15:00Z")),
                new SourceEvent("7f0c1a52-0000-4000-8000-000000000003", "CreditNoteIssued", 3, 4402,
                        Instant.parse("2026-03-12T16:40:00Z")),
                new SourceEvent("7f0c1a52-0000-4000-8000-000000000004", "PaymentRecorded", 4, 4977,
                        Instant.parse("2026-03-20T14:05:30.250Z")));
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
