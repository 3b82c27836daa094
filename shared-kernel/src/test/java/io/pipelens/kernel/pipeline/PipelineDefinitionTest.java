package io.pipelens.kernel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineDefinitionTest {

    private static StageDefinition stage(String key) {
        return new StageDefinition(key, "Stage " + key, null, null, null);
    }

    private static PipelineDefinition definition(StageDefinition... stages) {
        return new PipelineDefinition(Arrays.asList(stages));
    }

    @Test
    void templateIsValid() {
        assertThat(SolutionSalesTemplate.definition().validate("stages")).isEmpty();
    }

    @Test
    void templateHasTheNineGoalStagesInOrder() {
        assertThat(SolutionSalesTemplate.definition().keys()).containsExactly("contact", "profiling", "qualification",
                "requirements", "terms", "defence", "signing", "implementation", "service");
    }

    @Test
    void rejectsEmptyStageList() {
        assertThat(new PipelineDefinition(List.of()).validate("stages"))
                .containsExactly(new Violation("stages", "must contain at least one stage"));
    }

    @Test
    void treatsMissingStageListAsEmpty() {
        assertThat(new PipelineDefinition(null).validate("stages"))
                .containsExactly(new Violation("stages", "must contain at least one stage"));
    }

    @Test
    void acceptsFiftyStages() {
        assertThat(new PipelineDefinition(IntStream.rangeClosed(1, 50).mapToObj(i -> stage("s" + i)).toList())
                .validate("stages")).isEmpty();
    }

    @Test
    void rejectsMoreThanFiftyStages() {
        assertThat(new PipelineDefinition(IntStream.rangeClosed(1, 51).mapToObj(i -> stage("s" + i)).toList())
                .validate("stages"))
                .containsExactly(new Violation("stages", "has 51 stages; at most 50 are allowed"));
    }

    @Test
    void rejectsMissingStageEntry() {
        assertThat(definition(stage("contact"), null).validate("stages"))
                .containsExactly(new Violation("stages[1]", "must not be null"));
    }

    @Test
    void rejectsInvalidStageKey() {
        assertThat(definition(stage("contact"), stage("proposal sent")).validate("stages"))
                .extracting(Violation::field).containsExactly("stages[1].key");
    }

    @Test
    void rejectsMissingStageKey() {
        assertThat(definition(new StageDefinition(null, "Contact", null, null, null)).validate("stages"))
                .containsExactly(new Violation("stages[0].key", "is required"));
    }

    @Test
    void rejectsDuplicateStageKeyWhereItRepeats() {
        assertThat(definition(stage("contact"), stage("qualification"), stage("contact")).validate("stages"))
                .containsExactly(new Violation("stages[2].key", "duplicate stage key 'contact'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsBlankStageName(String name) {
        assertThat(definition(new StageDefinition("contact", name, null, null, null)).validate("stages"))
                .containsExactly(new Violation("stages[0].name", "is required"));
    }

    @Test
    void rejectsMissingStageName() {
        assertThat(definition(new StageDefinition("contact", null, null, null, null)).validate("stages"))
                .containsExactly(new Violation("stages[0].name", "is required"));
    }

    @Test
    void acceptsTextsOfFiveHundredCharacters() {
        String text = "t".repeat(500);
        assertThat(definition(new StageDefinition("contact", text, text, text, null)).validate("stages")).isEmpty();
    }

    @Test
    void rejectsTextsLongerThanFiveHundredCharacters() {
        String text = "t".repeat(501);
        assertThat(definition(new StageDefinition("contact", text, text, text, null)).validate("stages"))
                .extracting(Violation::field)
                .containsExactly("stages[0].name", "stages[0].goal", "stages[0].exitCriterion");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsExpectedDaysBelowOne(int expectedDays) {
        assertThat(definition(new StageDefinition("contact", "Contact", null, null, expectedDays)).validate("stages"))
                .containsExactly(new Violation("stages[0].expectedDays",
                        "must be a positive number of days, was " + expectedDays));
    }

    @Test
    void acceptsOneExpectedDay() {
        assertThat(definition(new StageDefinition("contact", "Contact", null, null, 1)).validate("stages")).isEmpty();
    }

    @Test
    void reportsEveryProblemOfEveryStage() {
        assertThat(definition(new StageDefinition("a b", "", null, null, 0), stage("ok"), stage("ok"))
                .validate("input.stages"))
                .extracting(Violation::field)
                .containsExactly("input.stages[0].key", "input.stages[0].name", "input.stages[0].expectedDays",
                        "input.stages[2].key");
    }

    @Test
    void findsStagesByKeyFromPositionOne() {
        PipelineDefinition definition = definition(stage("contact"), stage("qualification"));
        assertThat(definition.positionOf("qualification")).isEqualTo(2);
        assertThat(definition.positionOf("terms")).isZero();
        assertThat(definition.hasStage("contact")).isTrue();
        assertThat(definition.hasStage("terms")).isFalse();
        assertThat(definition.stage("qualification")).contains(stage("qualification"));
        assertThat(definition.stage("terms")).isEmpty();
    }

    @Test
    void isNotChangedByChangesToTheGivenList() {
        List<StageDefinition> stages = new ArrayList<>(List.of(stage("contact")));
        PipelineDefinition definition = new PipelineDefinition(stages);
        stages.add(stage("qualification"));
        assertThat(definition.keys()).containsExactly("contact");
    }

    @Test
    void templateQualificationHasTheFiveItemsOfTheMethod() {
        assertThat(SolutionSalesTemplate.definition().stage("qualification").orElseThrow().criteria())
                .extracting(CriterionDefinition::key)
                .containsExactly("problem-confirmed", "solution-agreed", "deadline", "budget", "deal-plan");
    }

    @Test
    void everyOtherTemplateStageHasOneOrTwoItemsWithARussianWording() {
        for (StageDefinition stage : SolutionSalesTemplate.STAGES) {
            if (!stage.key().equals("qualification")) {
                assertThat(stage.criteria()).as(stage.key()).hasSizeBetween(1, 2);
            }
            for (CriterionDefinition item : stage.criteria()) {
                assertThat(SolutionSalesTemplate.russianText(item.key())).as(item.key()).isNotBlank()
                        .isNotEqualTo(item.text());
            }
        }
        assertThat(SolutionSalesTemplate.russianText("budget")).isEqualTo("Бюджет согласован");
        assertThat(SolutionSalesTemplate.russianText("no-such-item")).isNull();
    }

    @Test
    void acceptsAStageWithoutChecklistAndOneWithAnEmptyChecklist() {
        assertThat(definition(stage("a"), new StageDefinition("b", "B", null, null, null, List.of()))
                .validate("stages")).isEmpty();
    }

    @Test
    void rejectsInvalidDuplicateAndTextlessItemsNamingThem() {
        StageDefinition checked = new StageDefinition("b", "B", null, null, null, Arrays.asList(
                new CriterionDefinition("budget", "Budget agreed"),
                new CriterionDefinition("budget", "Budget again"),
                new CriterionDefinition("bad key", "Text"),
                new CriterionDefinition("deadline", " "),
                null));

        assertThat(definition(stage("a"), checked).validate("stages")).containsExactly(
                new Violation("stages[1].criteria[1].key", "duplicate criterion key 'budget' in this stage"),
                new Violation("stages[1].criteria[2].key", "'bad key' is not a valid key: use 1 to 64 letters, "
                        + "digits, '-', '_', '.' or ':', starting with a letter or digit"),
                new Violation("stages[1].criteria[3].text", "is required"),
                new Violation("stages[1].criteria[4]", "must not be null"));
    }

    @Test
    void allowsTheSameItemKeyInDifferentStages() {
        List<CriterionDefinition> items = List.of(new CriterionDefinition("budget", "Budget agreed"));
        assertThat(definition(new StageDefinition("a", "A", null, null, null, items),
                new StageDefinition("b", "B", null, null, null, items)).validate("stages")).isEmpty();
    }

    @Test
    void rejectsMoreItemsThanTheMaximum() {
        List<CriterionDefinition> items = IntStream.rangeClosed(1, PipelineDefinition.MAX_CRITERIA + 1)
                .mapToObj(i -> new CriterionDefinition("c" + i, "Item " + i)).toList();
        assertThat(definition(new StageDefinition("a", "A", null, null, null, items)).validate("stages"))
                .containsExactly(new Violation("stages[0].criteria", "has 21 items; at most 20 are allowed"));
    }
}
