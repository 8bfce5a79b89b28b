package com.engagementledger.audit.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reads the audit index: the positions of a posting list after a position, and the client of an aggregate. Only
 * reads by id.
 */
public class AuditIndex {

    private final MongoTemplate mongo;

    public AuditIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static String actorKey(String actor) {
        return "actor:" + escape(actor);
    }

    public static String clientKey(String clientId) {
        return "client:" + escape(clientId);
    }

    public static String typeKey(String simpleEventType) {
        return "type:" + escape(simpleEventType);
    }

    public static String aggregateKey(String storedAggregateType) {
        return "aggregate:" + escape(storedAggregateType);
    }

    /**
     * A value as part of a key: {@code %} and {@code #} escaped (as {@code %25} and {@code %23}), so that no value's
     * key is another key's bucket id ({@code <key>#<k>}); any other value is its own text, as before.
     */
    static String escape(String value) {
        return value.replace("%", "%25").replace("#", "%23");
    }

    static String bucketId(String key, long bucket) {
        return key + "#" + bucket;
    }

    /** Up to {@code limit} positions of {@code key} after {@code after}, ascending. */
    public List<Long> positionsAfter(String key, long after, int limit) {
        AuditPostingDocument head = mongo.findById(key, AuditPostingDocument.class);
        List<Long> found = new ArrayList<>();
        if (head == null || head.starts == null || head.starts.isEmpty()) {
            return found;
        }
        int bucket = 0;
        while (bucket + 1 < head.starts.size() && head.starts.get(bucket + 1) <= after) {
            bucket++;
        }
        for (; bucket < head.starts.size() && found.size() < limit; bucket++) {
            AuditPostingDocument positions = mongo.findById(bucketId(key, bucket), AuditPostingDocument.class);
            if (positions == null) {
                break;
            }
            for (long position : positions.positions) {
                if (position > after && found.size() < limit) {
                    found.add(position);
                }
            }
        }
        return found;
    }

    /** The client an aggregate's events concern, or null when none is known (yet). */
    public String clientOf(String aggregateId) {
        AuditClientDocument document = mongo.findById(aggregateId, AuditClientDocument.class);
        return document == null ? null : document.clientId;
    }
}
