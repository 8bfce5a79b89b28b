package com.engagementledger.platform.axon;

import com.engagementledger.platform.store.ReadModelDocument;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A test read model in global order: every proposal, in the order of the event store. */
@Document("journal")
class Journal extends ReadModelDocument {
    @Id
    String id;
    List<String> proposals = List.of();
}
