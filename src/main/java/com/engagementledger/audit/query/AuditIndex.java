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
        return "actor:" + actor;
    }

    public static String clientKey(String clientId) {
        return "client:" + clientId;
    }

    public static String typeKey(String simpleEventType) {
        return "type:" + simpleEventType;
    }

    public static String aggregateKey(String storedAggregateType) {
        return "aggregate:" + storedAggregateType;
    }

    static String bucketId(String key, long bucket) {
        return key + "#" + bucket;
    }

    /** Up to {@code limit} positions of {@code key} after {@code after}, ascending. */
    public List<Long> positionsAfter(String key, long after, int limit) {
        AuditPostingDocument head = mongo.findById(key, AuditPostingDocument.class);
        List<Long> found = new ArrayList<>();
        if (head == null || head.starts.isEmpty()) {
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
