package com.engagementledger.iptransfer.web;

import com.engagementledger.iptransfer.api.IpCertificateView;
import com.engagementledger.iptransfer.api.IpTransferStatus;
import com.engagementledger.iptransfer.api.IpTransferView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The certificate as JSON ({@link IpCertificateView}), its {@code certificate} written by a plain Jackson mapper, as
 * the command side wrote it to hash it: every field present, a null one too, so that the hash recomputes from what
 * a client receives whatever the application's own JSON settings (which leave nulls out).
 */
record CertificateResponse(JsonNode certificate, String sha256, IpTransferStatus status,
                           IpTransferView.Contest contest, String voidReason) {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static CertificateResponse of(IpCertificateView view) {
        return new CertificateResponse(PLAIN.valueToTree(view.certificate()), view.sha256(), view.status(),
                view.contest(), view.voidReason());
    }
}
