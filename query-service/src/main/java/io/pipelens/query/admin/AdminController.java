package io.pipelens.query.admin;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The operator's GraphQL operations on the read models, all in this one class so that access to them can be
 * restricted in one place: every one of them needs the ADMIN role (when the service runs with keys).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class AdminController {

    private final ProjectionReplays replays;

    public AdminController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @QueryMapping
    public List<ProjectionReplays.ProjectionStatus> projections() {
        return replays.projections();
    }

    @MutationMapping
    public ProjectionReplays.ProjectionStatus replayProjection(@Argument String name) {
        return replays.replay(name);
    }

    @MutationMapping
    public ProjectionReplays.ProjectionStatus cancelReplay(@Argument String name) {
        return replays.cancel(name);
    }
}
