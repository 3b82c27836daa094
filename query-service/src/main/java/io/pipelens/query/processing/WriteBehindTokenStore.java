package io.pipelens.query.processing;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token store of a processor whose projection writes behind ({@link WriteBehind}): a token is stored only after
 * the writes of its batch, on the writer thread when they are still running. A segment's writes are drained before
 * its claim is released or its token fetched, so another thread or instance taking the segment over starts from a
 * token whose writes all landed. A write that failed is reported when the claim is extended, so an idle processor
 * learns of it too and starts again from its stored token.
 *
 * <p>Not for splitting or merging segments while a replay writes behind: Axon builds the new segments' tokens from
 * the processor's position, which may be ahead of the writes (Pipelens exposes neither operation).
 */
public final class WriteBehindTokenStore implements TokenStore {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindTokenStore.class);

    private final TokenStore delegate;
    private final String processor;
    private final WriteBehind<?> writes;

    /**
     * @param processor the one processor whose segments are the lanes of {@code writes}
     */
    public WriteBehindTokenStore(TokenStore delegate, String processor, WriteBehind<?> writes) {
        this.delegate = delegate;
        this.processor = processor;
        this.writes = writes;
    }

    private WriteBehind<?>.Lane lane(String processorName, int segment) {
        if (!processor.equals(processorName)) {
            throw new IllegalArgumentException("processorName: this token store serves '" + processor
                    + "' only, got '" + processorName + "'");
        }
        return writes.lane(segment);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        WriteBehind<?>.Lane lane = lane(processorName, segment);
        lane.afterWrites(() -> {
            delegate.storeToken(token, processorName, segment);
            lane.stored(token == null ? OptionalLong.empty() : token.position());
        });
    }

    /** The stored token, once the segment's writes have ended; a claimed segment starts from it, so it is stored. */
    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        drainQuietly(processorName, segment);
        TrackingToken token = delegate.fetchToken(processorName, segment);
        lane(processorName, segment).stored(token == null ? OptionalLong.empty() : token.position());
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return fetchToken(processorName, segment.getSegmentId());
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        WriteBehind<?>.Lane lane = lane(processorName, segment);
        lane.reportIfFailed();
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        drainQuietly(processorName, segment);
        delegate.releaseClaim(processorName, segment);
    }

    private void drainQuietly(String processorName, int segment) {
        Throwable failed = lane(processorName, segment).drainQuietly();
        if (failed != null) {
            log.warn("Processor {} segment {}: a write behind failed, so its batch's token was not stored: {}",
                    processorName, segment, failed.toString());
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    /** Throws a failed write instead of deleting past it (Axon merges segments this way). */
    @Override
    public void deleteToken(String processorName, int segment) {
        lane(processorName, segment).drain();
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
