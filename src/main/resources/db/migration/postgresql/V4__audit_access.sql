-- Who read the audit evidence, what they asked for and when (ADR 0029). A record of reading, not a business fact:
-- it is not an event, so reading changes neither the event history nor the hash chain it is checked against.
-- One aggregate's history is read through the event store's own unique index on (aggregateIdentifier,
-- sequenceNumber) of V1; no index is added for it.
CREATE TABLE audit_access (
    id        BIGSERIAL PRIMARY KEY,
    at        VARCHAR(40)   NOT NULL,
    actor     VARCHAR(255)  NOT NULL,
    roles     VARCHAR(255)  NOT NULL,
    endpoint  VARCHAR(255)  NOT NULL,
    filter    VARCHAR(2000) NOT NULL,
    status    INT           NOT NULL
);
