package com.engagementledger.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementledger.platform.axon.ReadModel;
import com.engagementledger.platform.axon.ReadModelCollection;
import com.engagementledger.support.EmbeddedMongo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read-model kit's guards and steps: a document fed by several aggregates applies each one's events once, a
 * step can delete its document, the steps are pure, and a reset clears the read model's collections.
 */
class DocumentProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo STORE = new EmbeddedMongo();

    private MongoTemplate mongo;
    private TallyProjection projection;

    record Counted(String tallyId, String source, String label) {
    }

    record Closed(String tallyId) {
    }

    static final class TallyProjection extends DocumentProjection<Tally> {

        static final ReadModel READ_MODEL = ReadModel.of("tallies", ReadModelCollection.of(Tally.class));

        TallyProjection(BatchedWrites writes) {
            super(READ_MODEL, Tally.class, writes);
        }

        void on(Counted event, long sequence) {
            apply(event.tallyId(), event.source(), sequence, tally -> evolve(tally, event));
        }

        void on(Closed event, String source, long sequence) {
            apply(event.tallyId(), source, sequence, tally -> evolve(tally, event));
        }

        static Tally evolve(Tally previous, Counted event) {
            Tally next = previous == null ? new Tally() : ReadModelDocument.copyOf(previous);
            next.id = event.tallyId();
            List<String> seen = new ArrayList<>(next.seen);
            seen.add(event.label());
            next.seen = seen;
            return next;
        }

        static Tally evolve(Tally previous, Closed event) {
            return null;
        }
    }

    @BeforeEach
    void projection() {
        mongo = STORE.template();
        projection = new TallyProjection(new BatchedWrites(mongo));
    }

    @Test
    void aDocumentFedByTwoAggregatesAppliesEachOnesEventsOnce() {
        projection.on(new Counted("t", "order-1", "order-1 #5"), 5);
        projection.on(new Counted("t", "order-2", "order-2 #0"), 0);
        projection.on(new Counted("t", "order-1", "order-1 #5 again"), 5);
        projection.on(new Counted("t", "order-2", "order-2 #0 again"), 0);
        projection.on(new Counted("t", "order-1", "order-1 #4, late"), 4);
        projection.on(new Counted("t", "order-2", "order-2 #1"), 1);
        assertThat(mongo.findById("t", Tally.class).seen)
                .as("one version field would have skipped order-2's events, which sit below order-1's")
                .containsExactly("order-1 #5", "order-2 #0", "order-2 #1");
    }

    @Test
    void aStepThatGivesNoDocumentDeletesIt() {
        projection.on(new Counted("t", "order-1", "counted"), 0);
        projection.on(new Closed("t"), "order-1", 1);
        assertThat(mongo.findById("t", Tally.class)).isNull();
    }

    @Test
    void theStepsArePureAndFoldOverHistoryToTheStoredDocument() {
        List<Object> history = List.of(new Counted("t", "a", "x"), new Counted("t", "b", "y"));
        projection.on((Counted) history.get(0), 0);
        projection.on((Counted) history.get(1), 0);
        Evolution<Tally> evolution = Evolution.of(TallyProjection.class, Tally.class);
        Tally folded = evolution.fold(history);
        assertThat(folded.seen).isEqualTo(mongo.findById("t", Tally.class).seen);

        Tally before = evolution.fold(history.subList(0, 1));
        evolution.evolve(before, history.get(1));
        assertThat(before.seen).as("the step changed a copy, not its input").containsExactly("x");
        assertThat(evolution.evolve(folded, new Closed("t"))).isNull();
        assertThat(evolution.evolve(folded, "not an event of this model")).isSameAs(folded);
    }

    @Test
    void aResetClearsTheReadModelsCollectionsOnly() {
        projection.on(new Counted("t", "a", "x"), 0);
        mongo.getCollection("other").insertOne(new org.bson.Document("_id", "keep"));
        projection.reset();
        assertThat(mongo.getCollection("tallies").countDocuments()).isZero();
        assertThat(mongo.getCollection("other").countDocuments()).isEqualTo(1);
    }
}
