package com.engagementledger.platform.ops;

import com.engagementledger.platform.store.ReadModelDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The test read model: one document per proposed engagement. */
@Document("ops_probe")
class OpsProbe extends ReadModelDocument {
    @Id
    String id;
    String clientId;
}
