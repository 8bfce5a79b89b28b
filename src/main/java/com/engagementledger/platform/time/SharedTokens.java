package com.engagementledger.platform.time;

import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens of the processors whose claims the nodes share in the relational store (the processes: sagas and
 * policies), as stored, so that a node that claims none of a processor's segments can tell whether the node that
 * does has handled every event. Read without claiming: reading through Axon's token store would take the claim.
 */
@Component
@ConditionalOnProperty(name = "ledger.test-clock", havingValue = "true")
class SharedTokens {

    private static final TokenSchema SCHEMA = TokenSchema.builder().build();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    SharedTokens(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * True when the processor has segments in the shared token table, every one claimed (by another node, as the
     * caller claims none), and every token at {@code head} or beyond. False for a processor whose tokens live
     * elsewhere (a read model's, beside its documents): nothing but this node can handle its events.
     */
    boolean claimedElsewhereAndAt(String processorName, long head) {
        List<Boolean> segments = jdbc.query("SELECT " + SCHEMA.tokenColumn() + ", " + SCHEMA.tokenTypeColumn()
                        + ", " + SCHEMA.ownerColum() + " FROM " + SCHEMA.tokenTable() + " WHERE "
                        + SCHEMA.processorNameColumn() + " = ?",
                (row, n) -> row.getString(3) != null && position(row.getBytes(1), row.getString(2)) >= head,
                processorName);
        return !segments.isEmpty() && segments.stream().allMatch(Boolean::booleanValue);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken read = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return read == null ? -1 : read.position().orElse(-1);
    }
}
