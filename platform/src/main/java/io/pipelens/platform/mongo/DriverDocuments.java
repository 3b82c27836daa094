package io.pipelens.platform.mongo;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryReader;
import org.bson.Document;
import org.bson.codecs.Decoder;
import org.bson.codecs.DecoderContext;

/**
 * A stored document as the driver would have decoded it from the wire. The values read models hold (documents, arrays,
 * strings, numbers, booleans, dates, decimals, object ids, nulls) are copied across directly; a document holding any
 * other kind of value is encoded as BSON and decoded by the driver's codec, as it would be over the wire.
 */
final class DriverDocuments {

    private static final DecoderContext CONTEXT = DecoderContext.builder().build();

    private DriverDocuments() {
    }

    /** {@code stored} copied, or through BSON and {@code driverDecoder} if it holds a value of another kind. */
    static Document of(de.bwaldvogel.mongo.bson.Document stored, Decoder<Document> driverDecoder) {
        try {
            return copy(stored);
        } catch (OtherKind e) {
            return throughBson(stored, driverDecoder);
        }
    }

    private static Document copy(de.bwaldvogel.mongo.bson.Document stored) {
        Document document = new Document();
        for (Map.Entry<String, Object> field : stored.entrySet()) {
            document.put(field.getKey(), value(field.getValue()));
        }
        return document;
    }

    private static Object value(Object stored) {
        if (stored == null || stored instanceof String || stored instanceof Integer || stored instanceof Long
                || stored instanceof Double || stored instanceof Boolean) {
            return stored;
        }
        if (stored instanceof de.bwaldvogel.mongo.bson.Document nested) {
            return copy(nested);
        }
        if (stored instanceof List<?> values) {
            List<Object> list = new ArrayList<>(values.size());
            for (Object element : values) {
                list.add(value(element));
            }
            return list;
        }
        if (stored instanceof Instant instant) {
            return new Date(instant.toEpochMilli());
        }
        if (stored instanceof Decimal128 decimal) {
            return org.bson.types.Decimal128.fromIEEE754BIDEncoding(decimal.getHigh(), decimal.getLow());
        }
        if (stored instanceof ObjectId id) {
            return new org.bson.types.ObjectId(id.toByteArray());
        }
        throw OtherKind.INSTANCE;
    }

    /** {@code stored} encoded as BSON, as the server answers, and decoded by {@code driverDecoder}. */
    static Document throughBson(de.bwaldvogel.mongo.bson.Document stored, Decoder<Document> driverDecoder) {
        ByteBuf bson = Unpooled.buffer(256);
        BsonEncoder.encodeDocument(stored, bson);
        try (BsonBinaryReader reader = new BsonBinaryReader(bson.nioBuffer())) {
            return driverDecoder.decode(reader, CONTEXT);
        } finally {
            bson.release();
        }
    }

    /** A value not copied directly: the document goes through BSON instead. */
    private static final class OtherKind extends RuntimeException {

        static final OtherKind INSTANCE = new OtherKind();

        private OtherKind() {
            super(null, null, false, false);
        }
    }
}
