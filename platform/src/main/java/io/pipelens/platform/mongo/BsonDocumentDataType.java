package io.pipelens.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Documents stored as BSON, with the wire protocol's own encoder, instead of through Java serialization. A document
 * holding a value BSON cannot carry (none arrives over the wire, but the server may build one) falls back to H2's
 * object encoding; a leading byte says which encoding follows.
 */
final class BsonDocumentDataType extends BasicDataType<Document> {

    static final BsonDocumentDataType INSTANCE = new BsonDocumentDataType();

    private static final byte BSON = 1;
    private static final byte OBJECT = 2;

    private final ObjectDataType fallback = new ObjectDataType();

    private BsonDocumentDataType() {
    }

    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            int memory = 48;
            for (Object element : values) {
                memory += 8 + estimate(element);
            }
            return memory;
        }
        return value instanceof String text ? 40 + text.length() : 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            buffer.put(OBJECT);
            fallback.write(buffer, document);
            return;
        }
        buffer.put(BSON);
        buffer.putVarInt(bson.readableBytes());
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        byte encoding = buffer.get();
        if (encoding == OBJECT) {
            return (Document) fallback.read(buffer);
        }
        int length = DataUtils.readVarInt(buffer);
        byte[] bson = new byte[length];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
