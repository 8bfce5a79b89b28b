package com.engagementledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementledger.support.EmbeddedMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.mock.env.MockEnvironment;

/**
 * A read model's processing settings come from {@code ledger.projections.<name>}, with defaults; its declared
 * indexes exist once the application has started.
 */
class ProjectionSettingsTest {

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    @Test
    void settingsPerReadModelOverrideTheDefaults() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ledger.projections.invoices.batch-size", "7")
                .withProperty("ledger.projections.invoices.segments", "3")
                .withProperty("ledger.projections.aging.segments", "2");
        Map<String, ProjectionSettings> configured = ProjectionSettings.bind(environment);
        assertThat(ProjectionSettings.of(configured, "invoices", 100)).isEqualTo(new ProjectionSettings(7, 3));
        assertThat(ProjectionSettings.of(configured, "aging", 100)).isEqualTo(new ProjectionSettings(100, 2));
        assertThat(ProjectionSettings.of(configured, "engagements", 100)).isEqualTo(new ProjectionSettings(100, 1));
    }

    @Test
    void aBatchSizeOrSegmentCountBelowOneIsRefusedAtStartUp() {
        MockEnvironment environment = new MockEnvironment().withProperty("ledger.projections.aging.segments", "0");
        assertThatThrownBy(() -> ProjectionSettings.bind(environment)).isInstanceOf(BindException.class)
                .hasRootCauseMessage("batch-size and segments of a projection are at least 1");
    }

    @Test
    void theDeclaredIndexesAreCreatedAtStartUp() {
        ReadModel readModel = ReadModel.of("tallies", ReadModelCollection.of(IndexedTally.class,
                new Index("reference", Sort.Direction.ASC).unique()));
        new ReadModelProcessingConfiguration()
                .readModelIndexes(List.of(readModel), STORE.template())
                .afterSingletonsInstantiated();
        List<Document> indexes = STORE.template().getCollection("indexed_tallies").listIndexes()
                .into(new ArrayList<>());
        assertThat(indexes).anySatisfy(index -> assertThat(index.get("key", Document.class)).containsKey("reference"));
    }

    @org.springframework.data.mongodb.core.mapping.Document("indexed_tallies")
    static class IndexedTally {
        String id;
        String reference;
    }
}
