package com.engagementledger.platform.store;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A test read model fed by several sources: which events reached it, in order. */
@Document("tallies")
class Tally extends ReadModelDocument {
    @Id
    String id;
    List<String> seen = List.of();
}
