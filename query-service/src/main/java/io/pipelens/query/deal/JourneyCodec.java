package io.pipelens.query.deal;

import io.pipelens.query.processing.DocumentCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * {@link DealJourney} to and from the document Spring Data's mapping writes for it (decimals and calendar dates as
 * text, as {@code ReadModelConversions} has it write them; instants as dates; null fields left out;
 * the {@code _class} hint), so journeys written here read back through {@code MongoTemplate} and the other way round.
 * {@code JourneyCodecTest} holds it to the mapping's output.
 */
public final class JourneyCodec implements DocumentCodec<DealJourney> {

    public static final JourneyCodec INSTANCE = new JourneyCodec();

    private static final String TYPE_HINT = DealJourney.class.getName();

    private JourneyCodec() {
    }

    @Override
    public String id(DealJourney journey) {
        return journey.id();
    }

    @Override
    public Document encode(DealJourney j) {
        Document document = new Document("_id", j.id());
        put(document, "pipelineId", j.pipelineId());
        put(document, "owner", j.owner());
        put(document, "source", j.source());
        put(document, "segment", j.segment());
        put(document, "amount", j.amount() == null ? null : j.amount().toString());
        put(document, "currency", j.currency());
        put(document, "expectedCloseDate", j.expectedCloseDate() == null ? null : j.expectedCloseDate().toString());
        put(document, "status", j.status() == null ? null : j.status().name());
        put(document, "stage", j.stage());
        put(document, "openedAt", date(j.openedAt()));
        put(document, "closedAt", date(j.closedAt()));
        put(document, "lostReason", j.lostReason());
        List<Document> visits = new ArrayList<>(j.visits().size());
        for (Visit visit : j.visits()) {
            Document v = new Document();
            put(v, "stage", visit.stage());
            put(v, "enteredAt", date(visit.enteredAt()));
            put(v, "exitedAt", date(visit.exitedAt()));
            put(v, "reopened", visit.reopened());
            put(v, "closedAs", visit.closedAs() == null ? null : visit.closedAs().name());
            put(v, "confirmedCriteria", visit.confirmedCriteria());
            visits.add(v);
        }
        document.put("visits", visits);
        if (j.attributesChangedAt() != null) {
            document.put("attributesChangedAt", j.attributesChangedAt().stream().map(Date::from).toList());
        }
        if (j.attributeHistory() != null) {
            List<Document> history = new ArrayList<>(j.attributeHistory().size());
            for (AttributesAt entry : j.attributeHistory()) {
                Document h = new Document();
                put(h, "at", date(entry.at()));
                if (entry.attributes() != null) {
                    h.put("attributes", AttributesCodec.encode(entry.attributes()));
                }
                history.add(h);
            }
            document.put("attributeHistory", history);
        }
        put(document, "lastTransitionAt", date(j.lastTransitionAt()));
        document.put("lastSequence", j.lastSequence());
        document.put("_class", TYPE_HINT);
        return document;
    }

    @Override
    public DealJourney decode(Document d) {
        List<Document> stored = d.getList("visits", Document.class, List.of());
        List<Visit> visits = new ArrayList<>(stored.size());
        for (Document v : stored) {
            String closedAs = v.getString("closedAs");
            visits.add(new Visit(v.getString("stage"), instant(v, "enteredAt"), instant(v, "exitedAt"),
                    v.getBoolean("reopened"), closedAs == null ? null : DealStatusView.valueOf(closedAs),
                    v.getList("confirmedCriteria", String.class)));
        }
        List<Date> changes = d.getList("attributesChangedAt", Date.class);
        List<Document> storedHistory = d.getList("attributeHistory", Document.class);
        List<AttributesAt> history = storedHistory == null ? null : storedHistory.stream()
                .map(h -> new AttributesAt(instant(h, "at"), h.get("attributes") == null ? null
                        : AttributesCodec.decode(h.get("attributes", Document.class))))
                .toList();
        String status = d.getString("status");
        Number sequence = (Number) d.get("lastSequence");
        return new DealJourney(d.getString("_id"), d.getString("pipelineId"), d.getString("owner"),
                d.getString("source"), d.getString("segment"), decimal(d.get("amount")), d.getString("currency"), localDate(d.getString("expectedCloseDate")),
                status == null ? null : DealStatusView.valueOf(status), d.getString("stage"), instant(d, "openedAt"),
                instant(d, "closedAt"), d.getString("lostReason"), visits,
                changes == null ? null : changes.stream().map(Date::toInstant).toList(), history,
                instant(d, "lastTransitionAt"),
                sequence == null ? 0 : sequence.longValue());
    }

    private static void put(Document document, String field, Object value) {
        if (value != null) {
            document.put(field, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static LocalDate localDate(String stored) {
        return stored == null ? null : LocalDate.parse(stored);
    }

    private static BigDecimal decimal(Object stored) {
        if (stored instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return stored == null ? null : new BigDecimal(stored.toString());
    }
}
