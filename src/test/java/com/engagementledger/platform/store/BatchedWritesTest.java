package com.engagementledger.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.support.EmbeddedMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
 * Coalesced read-model writes: within a batch, reads see the batch's own changes, nothing reaches the store before
 * the batch's last event, and then one write or delete per document does, the last change winning.
 */
class BatchedWritesTest {

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private MongoTemplate mongo;
    private BatchedWrites writes;

    @BeforeEach
    void writes() {
        mongo = STORE.template();
        writes = new BatchedWrites(mongo);
    }

    @Test
    void outsideABatchSavesAndDeletesAreWrittenAtOnce() {
        writes.save("a", tally("a", "one"));
        assertThat(mongo.findById("a", Tally.class).seen).containsExactly("one");
        writes.delete(Tally.class, "a");
        assertThat(mongo.findById("a", Tally.class)).isNull();
    }

    @Test
    void aBatchReadsItsOwnChangesAndWritesOncePerDocumentAfterItsLastEvent() {
        writes.save("gone", tally("gone", "stored before"));
        writes.save("back", tally("back", "stored before"));
        List<Long> storedWhileHandling = new ArrayList<>();
        List<Object> seenInBatch = new ArrayList<>();
        batch(List.of("1", "2", "3", "4"), event -> {
            switch ((String) event) {
                case "1" -> {
                    writes.save("new", tally("new", "first"));
                    writes.delete(Tally.class, "gone");
                    writes.delete(Tally.class, "back");
                }
                case "2" -> {
                    seenInBatch.add(writes.find(Tally.class, "new").seen);
                    seenInBatch.add(writes.find(Tally.class, "gone"));
                    writes.save("new", tally("new", "second"));
                }
                case "3" -> writes.save("back", tally("back", "saved after its delete"));
                default -> seenInBatch.add(writes.find(Tally.class, "new").seen);
            }
            storedWhileHandling.add(mongo.getCollection("tallies").countDocuments());
        });
        assertThat(storedWhileHandling).as("nothing written before the last event").containsOnly(2L);
        assertThat(seenInBatch).containsExactly(List.of("first"), null, List.of("second"));
        assertThat(mongo.findById("new", Tally.class).seen).containsExactly("second");
        assertThat(mongo.findById("gone", Tally.class)).as("deleted in the batch").isNull();
        assertThat(mongo.findById("back", Tally.class).seen).containsExactly("saved after its delete");
    }

    @Test
    void deletingEverythingOfATypeAlsoDropsTheBatchsPendingChangesToIt() {
        writes.save("old", tally("old", "stored before"));
        batch(List.of("1", "2"), event -> {
            if (event.equals("1")) {
                writes.save("pending", tally("pending", "first"));
            } else {
                writes.deleteAll(Tally.class);
            }
        });
        assertThat(mongo.getCollection("tallies").countDocuments()).isZero();
    }

    private void batch(List<Object> events, Consumer<Object> handler) {
        BatchedWritesInterceptor interceptor = new BatchedWritesInterceptor(writes);
        new BatchingUnitOfWork<EventMessage<?>>(events.stream()
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList())
                .executeWithResult(() -> {
                    @SuppressWarnings("unchecked")
                    UnitOfWork<EventMessage<?>> unitOfWork = (UnitOfWork<EventMessage<?>>) CurrentUnitOfWork.get();
                    return interceptor.handle(unitOfWork, () -> {
                        handler.accept(unitOfWork.getMessage().getPayload());
                        return null;
                    });
                }, RollbackConfigurationType.ANY_THROWABLE);
    }

    static Tally tally(String id, String... seen) {
        Tally tally = new Tally();
        tally.id = id;
        tally.seen = List.of(seen);
        return tally;
    }
}
