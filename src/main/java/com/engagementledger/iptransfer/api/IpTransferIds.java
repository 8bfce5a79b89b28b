package com.engagementledger.iptransfer.api;

/**
 * The id of an invoice's IP transfer, the same every time it is asked: "one transfer per issued invoice" becomes
 * "one aggregate per id", so that a redelivered or replayed issue opens nothing twice.
 */
public final class IpTransferIds {

    static final String PREFIX = "ipt-";

    private IpTransferIds() {
    }

    public static String ofInvoice(String invoiceId) {
        if (invoiceId == null || invoiceId.isBlank()) {
            throw new IllegalArgumentException("an IP transfer belongs to an invoice: its id is missing");
        }
        return PREFIX + invoiceId;
    }
}
