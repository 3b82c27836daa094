package io.pipelens.query.deal;

import io.pipelens.kernel.ViolationException;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL queries over deal journeys. */
@Controller
public class DealQueries {

    private final MongoTemplate mongo;
    private final JourneyStore journeys;
    private final int maxPageSize;

    public DealQueries(MongoTemplate mongo, JourneyStore journeys,
                       QueryProperties limits) {
        this.mongo = mongo;
        this.journeys = journeys;
        this.maxPageSize = limits.maxPageSize();
    }

    @QueryMapping
    public DealJourney deal(@Argument String id) {
        return journeys.read(() -> mongo.findById(id, DealJourney.class));
    }

    /** The replay under way, if any: the deal shown is then the last complete state. */
    @SchemaMapping(typeName = "Deal", field = "replay")
    public JourneyStore.Replay replay(DealJourney deal) {
        return journeys.replay();
    }

    @QueryMapping
    public DealPage deals(@Argument DealFilter filter, @Argument Integer first, @Argument String after) {
        if (first == null || first < 1 || first > maxPageSize) {
            throw new ViolationException("first", "must be between 1 and " + maxPageSize + ", was " + first);
        }
        Criteria criteria = filter == null ? new Criteria() : filter.toCriteria();
        if (after != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("_id").gt(after));
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(first + 1);
        JourneyStore.Replay replay = journeys.replay();
        List<DealJourney> found = journeys.read(() -> mongo.find(query, DealJourney.class));
        boolean hasNext = found.size() > first;
        List<DealJourney> items = hasNext ? found.subList(0, first) : found;
        return new DealPage(items, hasNext ? items.get(items.size() - 1).id() : null, hasNext, replay);
    }

    /** Which deals to list; every given field must match. */
    public record DealFilter(String pipelineId, DealStatusView status, String stage, String owner, String source,
                             String segment) {

        Criteria toCriteria() {
            Criteria criteria = new Criteria();
            equal(criteria, "pipelineId", pipelineId);
            equal(criteria, "status", status == null ? null : status.name());
            equal(criteria, "stage", stage);
            equal(criteria, "owner", owner);
            equal(criteria, "source", source);
            equal(criteria, "segment", segment);
            return criteria;
        }

        private static void equal(Criteria criteria, String field, String value) {
            if (value != null) {
                criteria.and(field).is(value);
            }
        }
    }

    /** One page of deals. */
    public record DealPage(List<DealJourney> items, String endCursor, boolean hasNextPage, JourneyStore.Replay replay) {
    }
}
