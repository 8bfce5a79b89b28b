package com.engagementledger.audit.api;

/**
 * The outcome of a rotation of the audit signing key.
 *
 * @param keyId         the new key, which signs every checkpoint from now on
 * @param previousKeyId the retired key, whose public key stays available for the checkpoints it signed
 * @param publicKey     the new public key, PEM
 */
public record KeyRotated(String keyId, String previousKeyId, String publicKey) {
}
