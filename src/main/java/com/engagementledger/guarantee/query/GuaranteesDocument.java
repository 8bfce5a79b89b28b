package com.engagementledger.guarantee.query;

import com.engagementledger.platform.store.ReadModelDocument;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The guarantees read model, one document per engagement, fed by the engagement's events (terms, seats, free
 * replacements used, swaps) and by its replacements' events (status, SLA, credits). It records per source, the
 * engagement and each replacement, the last event applied ({@link ReadModelDocument}).
 */
@Document(GuaranteesDocument.COLLECTION)
public class GuaranteesDocument extends ReadModelDocument {

    public static final String COLLECTION = "guarantees";

    @Id
    String engagementId;
    String currency;
    String timeZone;
    int guaranteeWindowDays;
    int freeReplacementsPerSeat;
    List<GuaranteeSeatDocument> seats = new ArrayList<>();
    List<GuaranteeReplacementDocument> replacements = new ArrayList<>();
}
