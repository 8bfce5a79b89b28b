package com.engagementledger.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.support.EmbeddedMongo;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Blue/green rebuilds in the kit: while a read model is rebuilt, its own projection (and its reset) reads and writes
 * the shadow collection, any other processor and every query the old one; completing it puts the shadow in place of
 * the old collection; abandoning it leaves the old one as it was; and the rebuild outlives the object that began it.
 */
class ReadModelRebuildsTest {

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private static final ReadModel TALLIES = ReadModel.of("tallies", ReadModelCollection.of(Tally.class));

    private MongoTemplate mongo;
    private ReadModelRebuilds rebuilds;
    private BatchedWrites writes;

    @BeforeEach
    void kit() {
        mongo = STORE.template();
        rebuilds = new ReadModelRebuilds(mongo, List.of(TALLIES));
        writes = new BatchedWrites(mongo, rebuilds);
        writes.save("old", BatchedWritesTest.tally("old", "served"));
    }

    @Test
    void aRebuildWritesItsShadowWhileTheOldCollectionServesAndThenTakesItsPlace() {
        rebuilds.begin("tallies", Instant.parse("2026-03-05T09:00:00Z"));
        writes.deleteAll(Tally.class);
        batch("tallies", () -> writes.save("new", BatchedWritesTest.tally("new", "rebuilt")));
        batch("another-read-model", () -> assertThat(writes.find(Tally.class, "old")).as("others read the old one")
                .isNotNull());

        assertThat(mongo.findAll(Tally.class)).as("queries read the old collection")
                .extracting(tally -> tally.id).containsExactly("old");
        assertThat(mongo.findAll(Tally.class, "tallies__rebuild")).extracting(tally -> tally.id)
                .containsExactly("new");
        assertThat(new ReadModelRebuilds(mongo, List.of(TALLIES)).underWay())
                .as("kept in MongoDB, for a restart").containsKey("tallies");
        assertThat(rebuilds.rebuilding("tallies")).isTrue();

        rebuilds.complete("tallies");
        assertThat(mongo.findAll(Tally.class)).extracting(tally -> tally.id).containsExactly("new");
        assertThat(mongo.collectionExists("tallies__rebuild")).isFalse();
        assertThat(rebuilds.underWay()).isEmpty();
        writes.save("after", BatchedWritesTest.tally("after", "written live"));
        assertThat(mongo.findById("after", Tally.class)).isNotNull();
    }

    @Test
    void anAbandonedRebuildLeavesTheOldCollectionAsItWas() {
        rebuilds.begin("tallies", Instant.parse("2026-03-05T09:00:00Z"));
        writes.deleteAll(Tally.class);
        rebuilds.abandon("tallies");
        assertThat(mongo.findAll(Tally.class)).extracting(tally -> tally.id).containsExactly("old");
        assertThat(mongo.collectionExists("tallies__rebuild")).isFalse();
        assertThat(rebuilds.rebuilding("tallies")).isFalse();
    }

    private void batch(String processingGroup, Runnable handler) {
        BatchedWritesInterceptor interceptor = new BatchedWritesInterceptor(writes, processingGroup);
        new BatchingUnitOfWork<EventMessage<?>>(List.<EventMessage<?>>of(GenericEventMessage.asEventMessage("one")))
                .executeWithResult(() -> {
                    @SuppressWarnings("unchecked")
                    UnitOfWork<EventMessage<?>> unitOfWork = (UnitOfWork<EventMessage<?>>) CurrentUnitOfWork.get();
                    return interceptor.handle(unitOfWork, () -> {
                        handler.run();
                        return null;
                    });
                }, RollbackConfigurationType.ANY_THROWABLE);
    }
}
