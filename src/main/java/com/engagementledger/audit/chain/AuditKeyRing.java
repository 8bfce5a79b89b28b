package com.engagementledger.audit.chain;

import com.engagementledger.audit.api.KeyRotated;
import com.engagementledger.audit.api.SigningKeys;
import com.engagementledger.platform.api.RuleViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit signing keys: the current key pair, which signs checkpoints, and every public key that ever signed one.
 *
 * <p>The current pair comes from {@code ledger.audit.signing-key} when it is set (and is then rotated by configuring
 * another one), else from the key directory: a PEM file per key id and a file {@code current} naming the current
 * one, generated on the first start and by {@link #rotate}; a retired key's file keeps its public key only. Public
 * keys are also recorded in the relational store, but verification trusts only keys from outside it — the current
 * key, the files of the key directory and the configured retired public keys — so that someone who can write the
 * database cannot add a key of their own and re-sign checkpoints with it.
 */
class AuditKeyRing {

    static final String CURRENT = "current";

    private static final Logger log = LoggerFactory.getLogger(AuditKeyRing.class);

    private final ChainStore store;
    private final Clock clock;
    private final String configured;
    private final Path directory;
    private final List<String> retiredPublicKeys;
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
    private volatile KeyPair current;
    private volatile String currentId;

    /** {@code directory} may be null when a key is configured. */
    AuditKeyRing(ChainStore store, Clock clock, String configured, Path directory, List<String> retiredPublicKeys) {
        this.store = store;
        this.clock = clock;
        this.configured = configured == null || configured.isBlank() ? null : configured;
        this.directory = directory;
        this.retiredPublicKeys = List.copyOf(retiredPublicKeys);
    }

    /** Loads (or, in a key directory, first generates) the current key and records its public key. */
    synchronized void load() {
        trustRetiredKeys();
        if (configured != null) {
            try {
                use(SigningKeys.keyPair(configured));
            } catch (IllegalArgumentException e) {
                throw new AuditSigningKeyException("The configured audit signing key (ledger.audit.signing-key) is"
                        + " not usable: " + e.getMessage(), e);
            }
        } else if (directory != null) {
            Path pointer = directory.resolve(CURRENT);
            if (Files.exists(pointer)) {
                Path file = directory.resolve(read(pointer).strip() + ".pem");
                try {
                    use(SigningKeys.keyPair(read(file)));
                } catch (IllegalArgumentException e) {
                    throw new AuditSigningKeyException("The audit signing key " + file + " is not usable: "
                            + e.getMessage(), e);
                }
            } else {
                if (store.lastCheckpoint().isPresent()) {
                    log.warn("The audit key directory {} holds no current key, yet signed checkpoints exist: a new"
                            + " key is generated, and checkpoints signed by keys no longer in the directory will fail"
                            + " verification until their public keys are put back there", directory);
                }
                use(generate());
            }
        } else {
            throw new AuditSigningKeyException("No audit signing key is configured: outside the embedded default"
                    + " the application neither generates one nor knows where to keep it.", null);
        }
    }

    KeyPair current() {
        return current;
    }

    String currentId() {
        return currentId;
    }

    /** A trusted public key, by id: never one only the relational store knows. */
    Optional<PublicKey> publicKey(String keyId) {
        return Optional.ofNullable(publicKeys.get(keyId));
    }

    Optional<String> publicKeyPem(String keyId) {
        return publicKey(keyId).map(SigningKeys::publicPem);
    }

    /** A new key pair, kept in the key directory, becomes the current one; the old one is retired. */
    synchronized KeyRotated rotate() {
        if (configured != null) {
            throw RuleViolation.illegalState("key-from-configuration", "The audit signing key comes from"
                    + " configuration (ledger.audit.signing-key): rotate it by configuring a new key pair and"
                    + " restarting; the retired public key stays available.");
        }
        String previous = currentId;
        KeyPair pair = generate();
        use(pair);
        try {
            writePrivately(directory.resolve(previous + ".pem"), SigningKeys.publicPem(publicKeys.get(previous)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot drop the retired audit signing key's private key in " + directory,
                    e);
        }
        return new KeyRotated(currentId, previous, SigningKeys.publicPem(pair.getPublic()));
    }

    /** A new pair, written to the key directory before it is named current, so a crash never loses the current. */
    private KeyPair generate() {
        KeyPair pair = SigningKeys.generate();
        String keyId = SigningKeys.keyId(pair.getPublic());
        try {
            Files.createDirectories(directory);
            writePrivately(directory.resolve(keyId + ".pem"), SigningKeys.keyPairPem(pair));
            writePrivately(directory.resolve(CURRENT), keyId + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the audit signing key in " + directory, e);
        }
        return pair;
    }

    /** The configured retired public keys and, in a key directory, the public key of every file kept there. */
    private void trustRetiredKeys() {
        for (String pem : retiredPublicKeys) {
            try {
                PublicKey key = SigningKeys.publicKey(pem);
                publicKeys.put(SigningKeys.keyId(key), key);
            } catch (IllegalArgumentException e) {
                throw new AuditSigningKeyException("A retired audit public key (ledger.audit.retired-public-keys) is"
                        + " not usable: " + e.getMessage(), e);
            }
        }
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pem")) {
            for (Path file : files) {
                try {
                    PublicKey key = SigningKeys.publicKey(read(file));
                    publicKeys.put(SigningKeys.keyId(key), key);
                } catch (IllegalArgumentException e) {
                    throw new AuditSigningKeyException("The audit key file " + file + " holds no usable public key: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new AuditSigningKeyException("Cannot read the audit key directory " + directory + ": " + e, e);
        }
    }

    private void use(KeyPair pair) {
        String keyId = SigningKeys.keyId(pair.getPublic());
        store.activate(keyId, SigningKeys.publicPem(pair.getPublic()), clock.instant().toString());
        publicKeys.put(keyId, pair.getPublic());
        current = pair;
        currentId = keyId;
    }

    /** Written to a temporary file readable by the owner only, then moved into place in one step. */
    private static void writePrivately(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AuditSigningKeyException("Cannot read the audit signing key " + file + ": " + e, e);
        }
    }
}
