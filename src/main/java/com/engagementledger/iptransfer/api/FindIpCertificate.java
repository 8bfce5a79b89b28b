package com.engagementledger.iptransfer.api;

/** The certificate of one transfer; empty when the transfer is unknown or not (yet) assigned. */
public record FindIpCertificate(String ipTransferId) {
}
