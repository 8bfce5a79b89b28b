package com.engagementledger.audit.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A posting list of the audit index: the positions of the events that share one key ({@code actor:<actor>},
 * {@code client:<clientId>}, {@code type:<EventType>}, {@code aggregate:<Type>}; the value with {@code %} and {@code #} escaped). The head document, under the key
 * itself, counts them and lists where each bucket starts; bucket k, under {@code <key>#<k>}, holds up to
 * {@link AuditIndexProjection#BUCKET} positions in ascending order (a few more when events arrived late from
 * gaps of the global index), all below where bucket k+1 starts. Every read is by id, so the embedded MongoDB,
 * which scans a collection for any other filter, reads a few small documents per page however long the history.
 */
@Document("audit_postings")
public class AuditPostingDocument {

    @Id
    String id;
    /** Head: how many positions the key has. */
    long count;
    /** Head: the highest position posted (an event at or below it is a redelivery or arrived late from a gap). */
    long last;
    /** Head: the first position of each bucket. */
    List<Long> starts;
    /** Bucket: its positions. */
    List<Long> positions;

    static AuditPostingDocument head(String key) {
        AuditPostingDocument head = new AuditPostingDocument();
        head.id = key;
        head.starts = new ArrayList<>();
        return head;
    }

    static AuditPostingDocument bucket(String id) {
        AuditPostingDocument bucket = new AuditPostingDocument();
        bucket.id = id;
        bucket.positions = new ArrayList<>();
        return bucket;
    }
}
