package com.engagementledger.platform.axon;

import java.util.List;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * A collection of a read model, named by the mapped document class, and the indexes it needs.
 */
public record ReadModelCollection(Class<?> documentType, List<IndexDefinition> indexes) {

    public ReadModelCollection {
        indexes = List.copyOf(indexes);
    }

    public static ReadModelCollection of(Class<?> documentType, IndexDefinition... indexes) {
        return new ReadModelCollection(documentType, List.of(indexes));
    }
}
