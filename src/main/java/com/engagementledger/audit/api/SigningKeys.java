package com.engagementledger.audit.api;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys of the audit checkpoints, with the JDK's own provider, and their PEM form: a public key is a
 * {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes it), a private key a
 * {@code PRIVATE KEY} block (PKCS #8, as {@code openssl genpkey -algorithm ed25519} writes it). Java 17 cannot derive
 * an Ed25519 public key from the private one, so a key pair's PEM holds both blocks. A key's id is the first 16 hex
 * digits of the SHA-256 of its public key's X.509 encoding, so anyone holding the public key can check the id.
 */
public final class SigningKeys {

    public static final String ALGORITHM = "Ed25519";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    public static String keyId(PublicKey key) {
        return HashChain.hex(HashChain.sha256(key.getEncoded())).substring(0, 16);
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** Both blocks, private first. */
    public static String keyPairPem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** The public key in a PEM text. */
    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PUBLIC KEY block is no " + ALGORITHM + " public key", e);
        }
    }

    /**
     * The key pair in a PEM text holding a {@code PRIVATE KEY} and a {@code PUBLIC KEY} block; they must belong
     * together (checked by signing and verifying).
     */
    public static KeyPair keyPair(String pem) {
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PRIVATE KEY block is no " + ALGORITHM + " private key", e);
        }
        KeyPair pair = new KeyPair(publicKey(pem), privateKey);
        byte[] probe = "audit key probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!verify(pair.getPublic(), probe, sign(pair.getPrivate(), probe))) {
            throw new IllegalArgumentException("the PUBLIC KEY block does not belong to the PRIVATE KEY block");
        }
        return pair;
    }

    public static String sign(PrivateKey key, byte[] statement) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(statement);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
        }
    }

    /** Whether {@code signature} (base64) is {@code key}'s over {@code statement}; false for a malformed one. */
    public static boolean verify(PublicKey key, byte[] statement, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(statement);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the checkpoint's signature is {@code key}'s. */
    public static boolean verify(PublicKey key, Checkpoint checkpoint) {
        return verify(key, checkpoint.statement(), checkpoint.signature());
    }

    private static byte[] block(String pem, String type) {
        Matcher matcher = BLOCK.matcher(pem == null ? "" : pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(matcher.group(2));
            }
        }
        throw new IllegalArgumentException("no " + type + " block in the PEM text");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
