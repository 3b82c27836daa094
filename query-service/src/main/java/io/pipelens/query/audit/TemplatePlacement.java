package io.pipelens.query.audit;

import static io.pipelens.query.audit.StageField.EXIT_CRITERION;
import static io.pipelens.query.audit.StageField.GOAL;
import static io.pipelens.query.audit.StageField.KEY;
import static io.pipelens.query.audit.StageField.NAME;

import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Which template stage a stage reads like. Reads the key, then the name; then a stage that answers three BANT
 * questions anywhere in its texts reads like qualification (a single "decision maker" in it would otherwise say
 * profiling); then the goal and the exit criterion. The first text that names any template stage decides. When one
 * text names several ("Lead qualification", "Переговоры и подписание договора") the one furthest along the template
 * wins: a stage is left in the later state. Otherwise the stage reads like none.
 */
final class TemplatePlacement {

    static final List<StageDefinition> TEMPLATE = SolutionSalesTemplate.STAGES;

    private TemplatePlacement() {
    }

    static Optional<TemplateMatch> match(StageText stage) {
        return furthestIn(stage, KEY)
                .or(() -> furthestIn(stage, NAME))
                .or(() -> QualificationRule.bant(stage)
                        .map(evidence -> matchOf(positionOf("qualification"), evidence)))
                .or(() -> furthestIn(stage, GOAL))
                .or(() -> furthestIn(stage, EXIT_CRITERION));
    }

    private static Optional<TemplateMatch> furthestIn(StageText stage, StageField field) {
        for (int position = TEMPLATE.size(); position >= 1; position--) {
            Lexicon lexicon = TemplateVocabulary.BY_STAGE.get(TEMPLATE.get(position - 1).key());
            Optional<Term.Occurrence> found = lexicon.firstIn(stage.words(field));
            if (found.isPresent()) {
                return Optional.of(matchOf(position, List.of(Evidence.of(field, found.get()))));
            }
        }
        return Optional.empty();
    }

    private static TemplateMatch matchOf(int position, List<Evidence> evidence) {
        StageDefinition template = TEMPLATE.get(position - 1);
        return new TemplateMatch(template.key(), template.name(), position, evidence);
    }

    static int positionOf(String templateKey) {
        for (int i = 0; i < TEMPLATE.size(); i++) {
            if (TEMPLATE.get(i).key().equals(templateKey)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no template stage '" + templateKey + "'");
    }

    static StageDefinition templateStage(String templateKey) {
        return TEMPLATE.get(positionOf(templateKey) - 1);
    }
}
