package com.engagementledger.engagement.command;

import com.engagementledger.engagement.api.RateChangeScheduled;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link RateChangeScheduled} revision 1 had no {@code rateChangeId}. Such an event gets its own message
 * identifier as the id: unique and stable across replays, so that the rate change it scheduled can be withdrawn (on
 * its seat alone, since revision 1 kept no link between the events of one command).
 */
@Component
public class RateChangeScheduledUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(RateChangeScheduled.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(RateChangeScheduled.class.getName(), "2");

    /** Keeps amounts exactly as stored: a tree of the default kind would turn 9900.00 into 9.9E+3. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String id = representation.getMessageIdentifier();
        return representation.upcastPayload(REVISION_2, byte[].class, payload -> {
            try {
                ObjectNode event = (ObjectNode) JSON.readTree(payload);
                event.put("rateChangeId", id);
                return JSON.writeValueAsBytes(event);
            } catch (IOException e) {
                throw new UncheckedIOException("RateChangeScheduled " + id + " is not a JSON object", e);
            }
        });
    }
}
