-- The audit hash chain (ADR 0028). What it records cannot be rebuilt from the events (it is the evidence that the
-- events are still what they were), so it lives in the relational store.

-- One row per position of the event store's global index, in order and without a gap: the chain's link after the
-- event at that position (64 hex digits), or NULL for a position that holds no event (a gap that timed out).
CREATE TABLE audit_chain_link (
    position BIGINT      NOT NULL PRIMARY KEY,
    hash     VARCHAR(64)
);

-- How far the chain has got: the last position decided, the link after the last event (the genesis link, 64 zeros,
-- before any) and how many events it has linked. One row, updated with the links it covers.
CREATE TABLE audit_chain_progress (
    id       INT         NOT NULL PRIMARY KEY,
    position BIGINT      NOT NULL,
    hash     VARCHAR(64) NOT NULL,
    events   BIGINT      NOT NULL
);
INSERT INTO audit_chain_progress (id, position, hash, events)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- Signed checkpoints: the Ed25519 signature (base64) of the statement {chainHash, events, keyId, position, signedAt}.
CREATE TABLE audit_checkpoint (
    position   BIGINT       NOT NULL PRIMARY KEY,
    events     BIGINT       NOT NULL,
    chain_hash VARCHAR(64)  NOT NULL,
    signed_at  VARCHAR(40)  NOT NULL,
    key_id     VARCHAR(64)  NOT NULL,
    signature  VARCHAR(200) NOT NULL
);

-- Every public key that has signed checkpoints, so that checkpoints of a retired key stay verifiable.
CREATE TABLE audit_signing_key (
    key_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    public_key   VARCHAR(1000) NOT NULL,
    activated_at VARCHAR(40)   NOT NULL,
    retired_at   VARCHAR(40)
);
