package io.pipelens.query.quality;

import static io.pipelens.query.quality.Imports.AT;
import static io.pipelens.query.quality.Imports.imported;
import static io.pipelens.query.quality.Imports.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.pipelens.kernel.importing.DealLogImportedEvent;
import io.pipelens.query.support.EventProcessing;
import io.pipelens.query.support.WireProtocolMongo;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The import projection writing through the real MongoDB driver to a wire-protocol server. */
class DealLogImportProjectionTest {

    private static final DealLogImportedEvent FIRST = imported("i-1", "sales", AT, 100,
            Map.of("unparsable-timestamp", 2L, "unknown-activity", 5L));
    private static final DealLogImportedEvent SECOND = imported("i-2", "sales", AT.plus(Duration.ofHours(1)), 40,
            Map.of("unknown-activity", 1L));
    private static final DealLogImportedEvent OTHER = imported("i-3", "other", AT, 7, Map.of());

    @RegisterExtension
    static final WireProtocolMongo mongo = WireProtocolMongo.perClass();

    private MongoTemplate template;
    private DealLogImportProjection projection;

    @BeforeEach
    void emptyDatabase() {
        template = mongo.template();
        projection = new DealLogImportProjection(template);
    }

    @Test
    void anImportIsStoredUnderItsIdWithRejectedRowsInReasonOrder() {
        EventProcessing.oneByOne(projection, messages(FIRST));

        DealLogImportView stored = template.findById("i-1", DealLogImportView.class);
        assertThat(stored).isEqualTo(new DealLogImportView("i-1", "sales", "i-1.csv", 100, 8, List.of(
                new ReasonCount("unknown-activity", 5), new ReasonCount("unparsable-timestamp", 2)),
                3, 92, 1, 0, AT));
        assertThat(stored.rowsRejected()).isEqualTo(7);
    }

    @Test
    void anImportStoredUnderTheClassNameOfAnEarlierReleaseIsStillRead() {
        EventProcessing.oneByOne(projection, messages(FIRST));
        DealLogImportView written = template.findById("i-1", DealLogImportView.class);
        template.getCollection(DealLogImportView.COLLECTION).updateOne(Filters.eq("_id", "i-1"),
                Updates.set("_class", "io.pipelens.query.quality.DealLogImport"));

        assertThat(template.findById("i-1", DealLogImportView.class)).isEqualTo(written);
    }

    @Test
    void theSameEventTwiceLeavesOneEqualDocument() {
        EventProcessing.oneByOne(projection, messages(FIRST, SECOND));
        List<DealLogImportView> once = stored();

        EventProcessing.oneByOne(projection, messages(FIRST));
        EventProcessing.inOneBatch(projection, messages(SECOND, FIRST, SECOND));

        assertThat(stored()).hasSize(2).isEqualTo(once);
    }

    @Test
    void aReplayAfterTheResetRebuildsTheSameDocuments() {
        EventProcessing.inOneBatch(projection, messages(FIRST, SECOND, OTHER));
        List<DealLogImportView> before = stored();

        EventProcessing.reset(projection);
        assertThat(stored()).isEmpty();
        EventProcessing.inOneBatch(projection, messages(FIRST, SECOND, OTHER));

        assertThat(stored()).hasSize(3).isEqualTo(before);
    }

    @Test
    void theSummaryAddsUpOnePipelinesImportsAndListsTheNewestFirst() {
        EventProcessing.inOneBatch(projection, messages(FIRST, SECOND, OTHER));
        List<DealLogImportView> sales = stored().stream().filter(i -> i.pipelineId().equals("sales")).toList();

        ImportSummaryView summary = ImportSummaryView.of(sales, 1);

        assertThat(summary.imports()).isEqualTo(2);
        assertThat(summary.rowsRead()).isEqualTo(140);
        assertThat(summary.rowsSkipped()).isEqualTo(8 + 2);
        assertThat(summary.rejectedRowsByReason()).containsExactly(new ReasonCount("unknown-activity", 6),
                new ReasonCount("unparsable-timestamp", 2));
        assertThat(summary.rowsRejected()).isEqualTo(8);
        assertThat(summary.deals()).isEqualTo(6);
        assertThat(summary.transitionsAppended()).isEqualTo(92 + 38);
        assertThat(summary.duplicates()).isEqualTo(2);
        assertThat(summary.recent()).extracting(DealLogImportView::id).containsExactly("i-2");
        assertThat(ImportSummaryView.of(sales, 10).recent()).extracting(DealLogImportView::id).containsExactly("i-2", "i-1");
        assertThat(ImportSummaryView.of(List.of(), 10)).isEqualTo(new ImportSummaryView(0, 0, 0, 0, List.of(), 0, 0, 0, 0,
                List.of()));
    }

    private List<DealLogImportView> stored() {
        return template.findAll(DealLogImportView.class).stream().sorted(Comparator.comparing(DealLogImportView::id)).toList();
    }
}
