package io.pipelens.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.codecs.Decoder;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * A stored document copied into the driver's types holds exactly what the driver decodes from its BSON, value for value
 * and type for type; one holding another kind is not copied.
 */
class DriverDocumentsTest {

    private static final DocumentCodec DRIVER = new DocumentCodec();

    /** The driver's codec, counting the documents it is asked to decode: those not copied. */
    private final AtomicInteger decoded = new AtomicInteger();
    private final Decoder<Document> counting = (reader, context) -> {
        decoded.incrementAndGet();
        return DRIVER.decode(reader, context);
    };

    @Test
    void theKindsReadModelsHoldAreCopiedAsTheDriverDecodesThem() {
        BigDecimal amount = new BigDecimal("-98765.4321"); // high and low words both non-trivial
        de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document("_id", "deal-1")
                .append("count", 7)
                .append("sequence", 7L)
                .append("ratio", 0.5)
                .append("won", false)
                .append("closedAt", null)
                .append("openedAt", Instant.ofEpochMilli(1_700_000_000_123L))
                .append("amount", new de.bwaldvogel.mongo.bson.Decimal128(amount))
                .append("ref", new de.bwaldvogel.mongo.bson.ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("visits", List.of(
                        new de.bwaldvogel.mongo.bson.Document("stage", "lead")
                                .append("enteredAt", Instant.ofEpochMilli(1_700_000_000_000L)),
                        new de.bwaldvogel.mongo.bson.Document("stage", "квалификация").append("exitedAt", null)))
                .append("nested", Arrays.asList(List.of(1, 2L), null, "x"));

        Document copied = DriverDocuments.of(stored, counting);

        Document expected = new Document("_id", "deal-1").append("count", 7).append("sequence", 7L)
                .append("ratio", 0.5).append("won", false).append("closedAt", null)
                .append("openedAt", new Date(1_700_000_000_123L))
                .append("amount", new Decimal128(amount))
                .append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("visits", List.of(
                        new Document("stage", "lead").append("enteredAt", new Date(1_700_000_000_000L)),
                        new Document("stage", "квалификация").append("exitedAt", null)))
                .append("nested", Arrays.asList(List.of(1, 2L), null, "x"));
        assertThat(decoded).hasValue(0);
        assertThat(copied).isEqualTo(expected).isEqualTo(DriverDocuments.throughBson(stored, DRIVER));
        assertThat(copied.get("sequence")).isInstanceOf(Long.class);
        assertThat(copied.get("count")).isInstanceOf(Integer.class);
        assertThat(copied.getList("nested", Object.class).get(0)).isEqualTo(List.of(1, 2L));
        assertThat(List.copyOf(copied.keySet())).containsExactlyElementsOf(stored.keySet());
    }

    @Test
    void aDocumentHoldingAnotherKindIsNotCopiedButDecodedFromItsBson() {
        de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document("_id", "deal-2")
                .append("visits", List.of(new de.bwaldvogel.mongo.bson.Document("blob",
                        new de.bwaldvogel.mongo.bson.BinData(new byte[] {1, 2}))));

        assertThat(DriverDocuments.of(stored, counting)).isEqualTo(DriverDocuments.throughBson(stored, DRIVER))
                .isEqualTo(new Document("_id", "deal-2").append("visits",
                        List.of(new Document("blob", new org.bson.types.Binary(new byte[] {1, 2})))));
        assertThat(decoded).hasValue(1);
    }
}
