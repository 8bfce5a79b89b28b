package com.engagementledger.audit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and the link function of the audit hash chain, against a vector computed independently (Python:
 * {@code hashlib.sha256(bytes(32) + canonical.encode()).hexdigest()}), so that an offline verifier in any language can
 * check its implementation against the same numbers.
 */
class CanonicalEventTest {

    static final String CANONICAL = "{\"aggregateId\":\"eng-1\",\"aggregateType\":\"Engagement\","
            + "\"eventId\":\"7b0c2f1e-0000-4000-8000-000000000001\","
            + "\"eventType\":\"com.engagementledger.engagement.api.EngagementProposed\","
            + "\"metadata\":{\"actor\":\"manager\",\"roles\":[\"ACCOUNT_MANAGER\"]},"
            + "\"payload\":{\"clientId\":\"acme\",\"rate\":9000,\"seats\":[{\"name\":\"Zoë \\\"Z\\\"\"}]},"
            + "\"position\":1,\"revision\":\"1\",\"sequence\":0,\"timestamp\":\"2035-03-05T10:15:30.123Z\"}";
    static final String FIRST_LINK = "4aea9dd5e0c2fa633d9f4e83077b30f4271164d194658e3b828bf8574efb3238";

    static StoredEvent vectorEvent() {
        // stored as Jackson writes it: members in declaration order, the amount with its scale
        return new StoredEvent(1, "7b0c2f1e-0000-4000-8000-000000000001", "Engagement", "eng-1", 0,
                "2035-03-05T10:15:30.123Z", "com.engagementledger.engagement.api.EngagementProposed", "1",
                utf8("{\"seats\":[{\"name\":\"Zo\\u00eb \\\"Z\\\"\"}],\"rate\":9000.00,\"clientId\":\"acme\"}"),
                utf8("{ \"roles\": [\"ACCOUNT_MANAGER\"], \"actor\": \"manager\" }"));
    }

    @Test
    void theCanonicalFormOfTheVectorIsItsRfc8785ObjectAndItsLinkTheKnownHash() {
        assertThat(CanonicalEvent.text(vectorEvent())).isEqualTo(CANONICAL);
        assertThat(HashChain.hex(HashChain.link(HashChain.GENESIS, vectorEvent()))).isEqualTo(FIRST_LINK);
        assertThat(HashChain.GENESIS).hasSize(32).containsOnly(0);
    }

    @Test
    void theOuterObjectIsWhatTheLibraryMakesOfTheWholeObject() throws Exception {
        String awkward = "quote \" backslash \\ controls \b\f\n\r\t\u0001\u001f slash / unicode é 𝄞 \u2028";
        StoredEvent event = new StoredEvent(9_007_199_254_740_991L, awkward, awkward, awkward, 42, awkward,
                awkward, awkward, utf8("{\"b\":[1,2.50,1e3],\"a\":{\"z\":null,\"y\":true}}"), utf8("[]"));
        StringBuilder whole = new StringBuilder("{");
        for (String member : new String[] {"aggregateId", "aggregateType", "eventId", "eventType", "revision",
                "timestamp"}) {
            CanonicalEvent.string(whole.append(whole.length() > 1 ? "," : ""), member);
            CanonicalEvent.string(whole.append(':'), awkward);
        }
        whole.append(",\"sequence\":42,\"position\":9007199254740991,")
                .append("\"payload\":{\"b\":[1,2.50,1e3],\"a\":{\"z\":null,\"y\":true}},\"metadata\":[]}");

        assertThat(CanonicalEvent.text(event)).isEqualTo(new JsonCanonicalizer(whole.toString()).getEncodedString());
    }

    @Test
    void membersWhoseColumnIsNullAreLeftOut() {
        StoredEvent event = new StoredEvent(3, "e", null, "a", 0, "t", "T", null, utf8("{}"), null);

        assertThat(CanonicalEvent.text(event)).isEqualTo("{\"aggregateId\":\"a\",\"eventId\":\"e\",\"eventType\":\"T\","
                + "\"payload\":{},\"position\":3,\"sequence\":0,\"timestamp\":\"t\"}");
    }

    @Test
    void whiteSpaceAndMemberOrderDoNotChangeTheBytesButAnyValueDoes() {
        StoredEvent compact = withPayload(vectorEvent(), "{\"a\":1,\"b\":\"x\"}");
        StoredEvent spaced = withPayload(vectorEvent(), " {\n\"b\" : \"x\", \"a\" : 1.0 } ");
        StoredEvent changed = withPayload(vectorEvent(), "{\"a\":1,\"b\":\"y\"}");

        assertThat(CanonicalEvent.bytes(spaced)).isEqualTo(CanonicalEvent.bytes(compact));
        assertThat(CanonicalEvent.bytes(changed)).isNotEqualTo(CanonicalEvent.bytes(compact));
    }

    @Test
    void aPayloadOrMetadataThatIsNoJsonObjectIsReportedAtItsPosition() {
        StoredEvent brokenUtf8 = withPayload(vectorEvent(), null);
        byte[] bytes = vectorEvent().payload().clone();
        bytes[3] = (byte) 0xC3;
        StoredEvent notUtf8 = new StoredEvent(7, "e", "T", "a", 0, "t", "T", "1", bytes, null);

        assertThatThrownBy(() -> CanonicalEvent.bytes(brokenUtf8)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("payload at position 1 is missing");
        assertThatThrownBy(() -> CanonicalEvent.bytes(notUtf8)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("position 7 is not UTF-8")
                .extracting(e -> ((UnreadableEventException) e).position()).isEqualTo(7L);
        for (String notAnObject : new String[] {"{\"a\":1", "{\"a\":1}}", "{\"a\":1,\"a\":2}", "\"text\"", "12",
                "", "{\"a\":1e400}", "{\"a\":1} {\"p\":2}"}) {
            assertThatThrownBy(() -> CanonicalEvent.bytes(withPayload(vectorEvent(), notAnObject)))
                    .as(notAnObject).isInstanceOf(UnreadableEventException.class)
                    .hasMessageContaining("payload at position 1 is not a JSON object");
        }
        StoredEvent badMetadata = new StoredEvent(5, "e", "T", "a", 0, "t", "T", "1", utf8("{}"), utf8("{actor}"));
        assertThatThrownBy(() -> CanonicalEvent.bytes(badMetadata)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("metadata at position 5");
    }

    static StoredEvent withPayload(StoredEvent event, String payload) {
        return new StoredEvent(event.position(), event.eventId(), event.aggregateType(), event.aggregateId(),
                event.sequence(), event.timestamp(), event.eventType(), event.revision(),
                payload == null ? null : utf8(payload), event.metadata());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
