package com.engagementledger.iptransfer.command;

import com.engagementledger.iptransfer.api.AssignmentCertificate;
import com.engagementledger.iptransfer.api.CertificateEvent;
import com.engagementledger.iptransfer.api.IpTransferOpened;
import com.engagementledger.iptransfer.api.SourceEvent;
import com.engagementledger.platform.api.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * How an assignment certificate is made and hashed (ADR 0035). Everything on it is a string or an integer: amounts
 * with the currency's minor digits, dates and the instant ISO-8601, so that its RFC 8785 form needs no number
 * formatting and anyone recomputes the hash by sorting keys and writing compact UTF-8 JSON. The events it rests on
 * are listed by invoice sequence and the assignment instant is the latest of their timestamps: both the same
 * whatever order the events arrived in.
 */
final class AssignmentCertificates {

    /** A plain mapper: the certificate's JSON must not depend on the application's Jackson settings. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private AssignmentCertificates() {
    }

    static AssignmentCertificate certificate(IpTransferOpened opened, List<String> exclusions, TransferMoney money,
                                             Collection<SourceEvent> restsOn) {
        if (restsOn.isEmpty()) {
            throw new IllegalArgumentException("a certificate rests on at least the invoice's issue");
        }
        Currency currency = Currency.getInstance(opened.currency());
        List<CertificateEvent> events = restsOn.stream()
                .sorted(Comparator.comparingLong(SourceEvent::sequence))
                .map(source -> new CertificateEvent(source.eventId(), source.eventType(), source.sequence(),
                        source.globalPosition()))
                .toList();
        return new AssignmentCertificate(AssignmentCertificate.SCHEMA, opened.ipTransferId(), opened.clientId(),
                opened.clientName(), opened.engagementId(), opened.period(), opened.invoiceId(),
                opened.invoiceNumber(), opened.issueDate().toString(), currency.getCurrencyCode(),
                amount(currency, opened.total()), amount(currency, money.amountDue()),
                amount(currency, money.amountPaid()), opened.trigger().name(), assignedAt(restsOn).toString(),
                List.copyOf(exclusions), events);
    }

    /** The latest timestamp of the events a certificate rests on. */
    static Instant assignedAt(Collection<SourceEvent> restsOn) {
        return restsOn.stream().map(SourceEvent::timestamp).max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("a certificate rests on at least one event"));
    }

    /** The certificate's RFC 8785 canonical JSON. */
    static String canonicalJson(AssignmentCertificate certificate) {
        try {
            return new JsonCanonicalizer(PLAIN.writeValueAsString(certificate)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a certificate is always writable as JSON", e);
        } catch (IOException e) {
            throw new IllegalStateException("a certificate's JSON is always canonicalizable", e);
        }
    }

    /** SHA-256 of the canonical JSON's UTF-8 bytes, lower-case hex. */
    static String sha256(AssignmentCertificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(certificate).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String amount(Currency currency, BigDecimal amount) {
        return new Money(currency, amount).amount().toPlainString();
    }
}
