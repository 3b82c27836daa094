package io.pipelens.query.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.deal.DealAttributes;
import io.pipelens.query.processing.MongoDocumentStore;
import io.pipelens.query.support.WireProtocolMongo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The hand-written journey codec writes what Spring Data's mapping writes, and reads what it reads, so journeys the
 * projection writes through the codec are the same for every query that reads them through {@code MongoTemplate}.
 */
class JourneyCodecTest {

    @RegisterExtension
    static final WireProtocolMongo mongo = WireProtocolMongo.perClass();
    private final Random random = new Random(20261127);

    @Test
    void encodesAsTheMappingWritesAndDecodesAsItReads() {
        MongoConverter converter = mongo.template().getConverter();
        for (int i = 0; i < 2_000; i++) {
            DealJourney journey = journey(i);
            Document mapped = new Document();
            converter.write(journey, mapped);

            assertThat(JourneyCodec.INSTANCE.encode(journey)).as("journey %s", journey).isEqualTo(mapped);
            assertThat(JourneyCodec.INSTANCE.decode(mapped)).as("journey %s", journey)
                    .isEqualTo(converter.read(DealJourney.class, mapped));
        }
    }

    @Test
    void journeysWrittenThroughTheCodecReadBackThroughTheTemplate() {
        MongoDocumentStore<DealJourney> store = new MongoDocumentStore<>(
                mongo.template().getCollection(DealJourney.COLLECTION), JourneyCodec.INSTANCE);
        List<DealJourney> journeys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            journeys.add(journey(i));
        }
        store.upsertAll(journeys);

        for (DealJourney journey : journeys) {
            assertThat(mongo.template().findById(journey.id(), DealJourney.class)).isEqualTo(journey);
        }
        assertThat(store.load(List.of(journeys.get(7).id(), "absent"))).containsOnlyKeys(journeys.get(7).id())
                .containsValue(journeys.get(7));
    }

    /** Every field null or not, by turns; instants to the millisecond, as MongoDB keeps them. */
    private DealJourney journey(int n) {
        List<Visit> visits = new ArrayList<>();
        Instant at = Instant.ofEpochMilli(1_600_000_000_000L + random.nextInt(1_000_000_000));
        int count = random.nextInt(6);
        for (int v = 0; v < count; v++) {
            Instant left = v == count - 1 && random.nextBoolean() ? null : at.plusSeconds(random.nextInt(90_000));
            DealStatusView closedAs = left == null ? null : DealStatusView.values()[random.nextInt(3)];
            visits.add(new Visit("stage-" + random.nextInt(9), at, left, v > 0 && random.nextInt(3) == 0, closedAs,
                    left == null ? null : confirmed()));
            at = left == null ? at : left;
        }
        DealStatusView status = random.nextInt(5) == 0 ? null : DealStatusView.values()[random.nextInt(DealStatusView.values().length)];
        return new DealJourney("deal-" + n, maybe("pipeline-" + random.nextInt(3)), maybe("owner-" + random.nextInt(5)),
                maybe("web"), maybe("enterprise"),
                random.nextBoolean() ? null : new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(4)),
                maybe("EUR"), random.nextBoolean() ? null : LocalDate.ofEpochDay(18_000 + random.nextInt(3_000)), status,
                maybe("stage-" + random.nextInt(9)), random.nextBoolean() ? null : at,
                random.nextBoolean() ? null : at.plusSeconds(5), maybe("price"), visits, attributeChanges(at),
                attributeHistory(at), random.nextBoolean() ? null : at, random.nextInt(50));
    }

    /** Not recorded (null), none confirmed (empty) or a few keys, by turns. */
    private List<String> confirmed() {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> List.of();
            default -> List.of("budget", "deal-plan").subList(0, 1 + random.nextInt(2));
        };
    }

    @Test
    void confirmedCriteriaRoundTripAndVisitsStoredWithoutThemReadAsNotRecorded() {
        Instant entered = Instant.parse("2026-01-05T09:00:00Z");
        Instant left = Instant.parse("2026-01-07T09:00:00Z");
        DealJourney journey = new DealJourney("d1", "p1", null, null, null, null, null, DealStatusView.OPEN, "terms",
                entered, null, null, List.of(new Visit("qualification", entered, left, null, null,
                List.of("budget", "deadline")), new Visit("terms", left, null)), null, left, 2);

        Document encoded = JourneyCodec.INSTANCE.encode(journey);
        assertThat(encoded.getList("visits", Document.class).get(0).getList("confirmedCriteria", String.class))
                .containsExactly("budget", "deadline");
        assertThat(JourneyCodec.INSTANCE.decode(encoded)).isEqualTo(journey);

        encoded.getList("visits", Document.class).get(0).remove("confirmedCriteria");
        assertThat(JourneyCodec.INSTANCE.decode(encoded).visits().get(0).confirmedCriteria()).isNull();
    }

    /**
     * A calendar date is stored as its ISO text wherever it stands, so a service in another time zone reads the same
     * day; a date stored as the instant of its midnight in this JVM's zone, as the mapping's default wrote one nested
     * in the history, still reads back as that day in this zone, through the codec as through the template.
     */
    @Test
    void datesAreStoredAsIsoTextAndMidnightInstantsStillRead() {
        LocalDate date = LocalDate.of(2026, 3, 31);
        Instant at = Instant.parse("2026-01-05T09:00:00Z");
        DealAttributes attributes = new DealAttributes("ann", null, null, null, null, date);
        DealJourney journey = new DealJourney("d1", "p1", "ann", null, null, null, null, date, DealStatusView.OPEN,
                "terms", at, null, null, List.of(new Visit("terms", at, null)), List.of(at.plusSeconds(60)),
                List.of(new AttributesAt(at, new DealAttributes("ann", null, null, null, null)),
                        new AttributesAt(at.plusSeconds(60), attributes)), at.plusSeconds(60), 2);

        for (Document stored : List.of(JourneyCodec.INSTANCE.encode(journey), mapped(journey))) {
            assertThat(stored.get("expectedCloseDate")).isEqualTo("2026-03-31");
            Document nested = stored.getList("attributeHistory", Document.class).get(1).get("attributes",
                    Document.class);
            assertThat(nested.get("expectedCloseDate")).isEqualTo("2026-03-31");

            nested.put("expectedCloseDate", Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant()));
            assertThat(JourneyCodec.INSTANCE.decode(stored)).isEqualTo(journey);
            assertThat(mongo.template().getConverter().read(DealJourney.class, stored)).isEqualTo(journey);
        }
    }

    private static Document mapped(DealJourney journey) {
        Document mapped = new Document();
        mongo.template().getConverter().write(journey, mapped);
        return mapped;
    }

    /** None (null) half the time, else one to three times up to {@code last}. */
    private List<Instant> attributeChanges(Instant last) {
        List<Instant> changes = new ArrayList<>();
        for (int i = random.nextBoolean() ? 0 : 1 + random.nextInt(3); i > 0; i--) {
            changes.add(last.minusSeconds(i * 3_600L));
        }
        return changes;
    }

    /** None (null) half the time, else two to four records, each with every attribute null or not by turns. */
    private List<AttributesAt> attributeHistory(Instant last) {
        List<AttributesAt> history = new ArrayList<>();
        for (int i = random.nextBoolean() ? 0 : 2 + random.nextInt(3); i > 0; i--) {
            history.add(new AttributesAt(last.minusSeconds(i * 3_600L), new DealAttributes(maybe("owner-" + i),
                    maybe("web"), maybe("smb"), random.nextBoolean() ? null
                    : new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(3)), maybe("USD"),
                    random.nextBoolean() ? null : LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28)))));
        }
        return history;
    }

    private String maybe(String value) {
        return random.nextInt(4) == 0 ? null : value;
    }
}
