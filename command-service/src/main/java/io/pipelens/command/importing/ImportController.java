package io.pipelens.command.importing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/import?pipelineId=…}: the request body is the event log (CSV or NDJSON), the query parameters
 * are {@link ImportParameters}. Answers 200 with the {@link ImportSummary}, or 400 with every problem found and nothing
 * appended. A body larger than {@code pipelens.import.max-bytes} is refused by its Content-Length before it is read.
 */
@RestController
class ImportController {

    private final DealImporter importer;

    public ImportController(DealImporter importer) {
        this.importer = importer;
    }

    @PostMapping("/api/import")
    public ImportSummary importLog(ImportParameters parameters, HttpServletRequest request) throws IOException {
        ImportParameters.Parsed parsed = parameters.parse(request.getContentType());
        return importer.importLog(parameters.pipelineId(), request.getInputStream(), request.getContentLengthLong(),
                parsed.options(), parsed.mapping(), ImportProgress.NONE);
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail refused(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.total()
                + (e.total() == 1 ? " problem" : " problems") + " found; nothing was imported");
        problem.setProperty("problems", e.problems());
        problem.setProperty("total", e.total());
        if (!e.hints().isEmpty()) {
            problem.setProperty("hints", e.hints());
        }
        return problem;
    }
}
