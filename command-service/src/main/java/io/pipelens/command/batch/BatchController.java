package io.pipelens.command.batch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.pipelens.command.CommandDispatcher;
import io.pipelens.command.CommandResult;
import io.pipelens.command.pipeline.PipelineMutations;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import io.pipelens.kernel.deal.ChangeDealAttributesCommand;
import io.pipelens.kernel.deal.LoseDealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.deal.WinDealCommand;
import io.pipelens.kernel.pipeline.RedefinePipelineCommand;
import io.pipelens.platform.security.Caller;
import io.pipelens.platform.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The batch endpoint for CRM integrations: many commands in one request, handled in order, each with its own result.
 * One item's rejection does not stop the others. An item that repeats a recorded change answers DUPLICATE, so a
 * whole batch can be retried safely after a timeout. The endpoint needs a WRITE key; items that define or redefine a
 * pipeline need ADMIN and are rejected one by one otherwise.
 */
@RestController
public class BatchController {

    /** Item types that change pipelines: like their GraphQL mutations, they need an ADMIN key. */
    private static final Set<String> ADMIN_TYPES = Set.of("definePipeline", "redefinePipeline");

    private final CommandDispatcher dispatcher;
    private final ObjectReader strictReader;
    private final int maxItems;
    private final Map<String, Class<?>> types = new LinkedHashMap<>();

    public BatchController(CommandDispatcher dispatcher, ObjectMapper objectMapper,
                           BatchProperties limits) {
        this.dispatcher = dispatcher;
        this.strictReader = objectMapper.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.maxItems = limits.maxItems();
        types.put("openDeal", OpenDealCommand.class);
        types.put("moveDealToStage", MoveDealToStageCommand.class);
        types.put("winDeal", WinDealCommand.class);
        types.put("loseDeal", LoseDealCommand.class);
        types.put("reopenDeal", ReopenDealCommand.class);
        types.put("changeDealAttributes", ChangeDealAttributesCommand.class);
        types.put("definePipeline", PipelineMutations.DefinePipelineInput.class);
        types.put("redefinePipeline", RedefinePipelineCommand.class);
    }

    @PostMapping("/api/commands/batch")
    public BatchResponse batch(@RequestBody BatchRequest request) {
        if (request == null || request.commands() == null) {
            throw new ViolationException("commands", "is required: a list of {type, input} items");
        }
        if (request.commands().size() > maxItems) {
            throw new ViolationException("commands", "holds " + request.commands().size()
                    + " items; at most " + maxItems + " are allowed per request");
        }
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < request.commands().size(); i++) {
            results.add(handle(i, request.commands().get(i)));
        }
        return BatchResponse.of(results);
    }

    private ItemResult handle(int index, BatchItem item) {
        if (item == null || item.type() == null || !types.containsKey(item.type())) {
            String given = item == null ? null : item.type();
            return ItemResult.rejected(index, given, null, new Violation("type", (given == null ? "is required"
                    : "'" + given + "' is not a command type") + "; one of " + String.join(", ", types.keySet())));
        }
        if (ADMIN_TYPES.contains(item.type()) && !Caller.has(Role.ADMIN)) {
            return ItemResult.rejected(index, item.type(), null, new Violation("type", "'" + item.type()
                    + "' needs the ADMIN role; " + Caller.describe()));
        }
        if (item.input() == null || !item.input().isObject()) {
            return ItemResult.rejected(index, item.type(), null, new Violation("input", "is required: an object"));
        }
        Object command;
        try {
            command = strictReader.forType(types.get(item.type())).readValue(item.input());
            if (command instanceof PipelineMutations.DefinePipelineInput define) {
                command = define.toCommand();
            }
        } catch (JsonMappingException e) {
            return ItemResult.rejected(index, item.type(), null, new Violation(path(e), describe(e)));
        } catch (ViolationException e) {
            return ItemResult.of(index, item.type(), CommandResult.rejected(null, e.violations()));
        } catch (java.io.IOException e) {
            return ItemResult.rejected(index, item.type(), null, new Violation("input", "cannot be read: " + e.getMessage()));
        }
        return ItemResult.of(index, item.type(), dispatcher.dispatch(command));
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "input" : path;
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return "is not a field of this command";
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return "cannot be read: " + (cut > 0 ? message.substring(0, cut) : message);
    }

    @ExceptionHandler(ViolationException.class)
    ProblemDetail refused(ViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("violations", e.violations());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause().getMessage();
        int cut = detail == null ? -1 : detail.indexOf('\n');
        Violation violation = new Violation("body", "is not a valid batch request (JSON object with a 'commands' "
                + "list): " + (cut > 0 ? detail.substring(0, cut) : detail));
        return refused(new ViolationException(List.of(violation)));
    }

    /** The request: an ordered list of commands. */
    public record BatchRequest(List<BatchItem> commands) {
    }

    /** One command: its type (the GraphQL mutation name) and its input (the mutation's input object). */
    public record BatchItem(String type, JsonNode input) {
    }

    /** The result of one item, in request order. */
    public record ItemResult(int index, String type, String id, String outcome, List<Violation> violations) {

        static ItemResult of(int index, String type, CommandResult result) {
            return new ItemResult(index, type, result.id(),
                    result.isRejected() ? "REJECTED" : result.outcome().name(), result.violations());
        }

        static ItemResult rejected(int index, String type, String id, Violation violation) {
            return new ItemResult(index, type, id, "REJECTED", List.of(violation));
        }
    }

    /** Counts per outcome, and every item's result. */
    public record BatchResponse(int applied, int duplicates, int rejected, List<ItemResult> results) {

        static BatchResponse of(List<ItemResult> results) {
            int applied = count(results, CommandOutcome.APPLIED.name());
            int duplicates = count(results, CommandOutcome.DUPLICATE.name());
            return new BatchResponse(applied, duplicates, results.size() - applied - duplicates, results);
        }

        private static int count(List<ItemResult> results, String outcome) {
            return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
        }
    }
}
