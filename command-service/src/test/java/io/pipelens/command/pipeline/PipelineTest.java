package io.pipelens.command.pipeline;

import static io.pipelens.command.BusinessClock.CLOCK;
import static io.pipelens.command.BusinessClock.NOW;
import static io.pipelens.command.BusinessClock.at;
import static io.pipelens.command.Rejections.violationOn;
import static io.pipelens.command.pipeline.PipelineEvents.NAME;
import static io.pipelens.command.pipeline.PipelineEvents.PIPELINE;
import static io.pipelens.command.pipeline.PipelineEvents.defined;
import static io.pipelens.command.pipeline.PipelineEvents.redefined;
import static io.pipelens.command.pipeline.Stages.ACTIVITY_BASED;
import static io.pipelens.command.pipeline.Stages.GOAL_BASED;
import static io.pipelens.command.pipeline.Stages.stage;
import static io.pipelens.command.pipeline.Stages.stages;
import static io.pipelens.kernel.pipeline.StageMapping.absorbed;
import static io.pipelens.kernel.pipeline.StageMapping.to;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.pipelens.command.CommandRejectedException;
import io.pipelens.kernel.CommandOutcome;
import io.pipelens.kernel.pipeline.CriterionDefinition;
import io.pipelens.kernel.pipeline.DefinePipelineCommand;
import io.pipelens.kernel.pipeline.PipelineDefinedEvent;
import io.pipelens.kernel.pipeline.PipelineRedefinedEvent;
import io.pipelens.kernel.pipeline.RedefinePipelineCommand;
import io.pipelens.kernel.pipeline.SolutionSalesTemplate;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of the Pipeline aggregate. Version 1 is {@link Stages#ACTIVITY_BASED} (contact, call, qualification,
 * proposal, signing); version 2 is {@link Stages#GOAL_BASED} (contact, profiling, qualification, terms, signing), with
 * the "call" activity absorbed and "proposal" mapped to "terms".
 */
class PipelineTest {

    private static final List<StageMapping> V2_MAPPING = List.of(absorbed("call"), to("proposal", "terms"));
    private static final List<StageMapping> V2_COMPLETE_MAPPING = List.of(to("contact", "contact"), absorbed("call"),
            to("qualification", "qualification"), to("proposal", "terms"), to("signing", "signing"));

    private FixtureConfiguration<Pipeline> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pipeline.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Nested
    class Defining {

        @Test
        void canDefinePipelineWithItsStages() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, ACTIVITY_BASED, at(0)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new PipelineDefinedEvent(PIPELINE, NAME, 1, ACTIVITY_BASED, at(0)));
        }

        @Test
        void canDefinePipelineFromTemplate() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, SolutionSalesTemplate.NAME, SolutionSalesTemplate.STAGES,
                            at(0)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new PipelineDefinedEvent(PIPELINE, SolutionSalesTemplate.NAME, 1,
                            SolutionSalesTemplate.STAGES, at(0)));
        }

        @Test
        void canDefineStageWithExpectedDays() {
            List<StageDefinition> withExpectedDays = List.of(stage("contact"),
                    new StageDefinition("qualification", "Qualification", "Problem confirmed", "Plan agreed", 14));
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, withExpectedDays, at(0)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new PipelineDefinedEvent(PIPELINE, NAME, 1, withExpectedDays, at(0)));
        }

        @Test
        void canDefinePipelineWithNameOfMaximumLength() {
            String name = "n".repeat(Pipeline.MAX_NAME);
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, name, ACTIVITY_BASED, at(0)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new PipelineDefinedEvent(PIPELINE, name, 1, ACTIVITY_BASED, at(0)));
        }

        @Test
        void pipelineDefinedWithoutBusinessTimeIsDefinedAtClockTime() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, ACTIVITY_BASED, null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new PipelineDefinedEvent(PIPELINE, NAME, 1, ACTIVITY_BASED, NOW));
        }

        @Test
        void cannotDefinePipelineWithInvalidId() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand("inbound sales", NAME, ACTIVITY_BASED, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("pipelineId", containsString("is not a valid key")));
        }

        @Test
        void cannotDefinePipelineWithEmptyStageList() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, List.of(), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages", containsString("must contain at least one stage")));
        }

        @Test
        void cannotDefinePipelineWithoutStageList() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, null, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages", containsString("must contain at least one stage")));
        }

        @Test
        void cannotDefinePipelineWithDuplicateStageKeys() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, stages("contact", "qualification", "contact"),
                            at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages[2].key", containsString("duplicate stage key 'contact'")));
        }

        @Test
        void cannotDefinePipelineWithInvalidStageKey() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, stages("contact", "proposal sent"), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages[1].key", containsString("'proposal sent' is not a valid key")));
        }

        @Test
        void cannotDefinePipelineWithEmptyStageEntry() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, Arrays.asList(stage("contact"), null), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages[1]", containsString("must not be null")));
        }

        @Test
        void cannotDefineStageWithoutName() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME,
                            List.of(new StageDefinition("contact", " ", null, null, null)), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages[0].name", containsString("is required")));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -3})
        void cannotDefineStageWithExpectedDaysBelowOne(int expectedDays) {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, List.of(stage("contact"),
                            new StageDefinition("qualification", "Qualification", null, null, expectedDays)), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages[1].expectedDays",
                            containsString("must be a positive number of days, was " + expectedDays)));
        }

        @Test
        void cannotDefinePipelineWithoutName() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, null, ACTIVITY_BASED, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("name", containsString("is required")));
        }

        @Test
        void cannotDefinePipelineWithBlankName() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, "  ", ACTIVITY_BASED, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("name", containsString("is required")));
        }

        @Test
        void cannotDefinePipelineWithOverlongName() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, "n".repeat(Pipeline.MAX_NAME + 1), ACTIVITY_BASED,
                            at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("name", containsString("1 to 200 characters")));
        }

        @Test
        void reportsEveryViolationOfDefinitionAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, null, List.of(stage("contact"),
                            new StageDefinition("call!", "Call", null, null, 0)), at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("name"))
                    .expectException(violationOn("stages[1].key"))
                    .expectException(violationOn("stages[1].expectedDays"));
        }

        @Test
        void cannotDefinePipelineInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new DefinePipelineCommand(PIPELINE, NAME, ACTIVITY_BASED,
                            NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("lies in the future")));
        }

        @Test
        void retriedDefinitionIsDuplicate() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new DefinePipelineCommand(PIPELINE, NAME, ACTIVITY_BASED, at(0)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedDefinitionWithoutBusinessTimeIsDuplicate() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new DefinePipelineCommand(PIPELINE, NAME, ACTIVITY_BASED, null))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void retriedDefinitionIsDuplicateEvenAfterRedefinition() {
            fixture.given(defined(ACTIVITY_BASED, at(0)), redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)))
                    .when(new DefinePipelineCommand(PIPELINE, NAME, ACTIVITY_BASED, at(0)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void cannotDefineExistingPipelineUnderAnotherName() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new DefinePipelineCommand(PIPELINE, "Outbound sales", ACTIVITY_BASED, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("pipelineId",
                            containsString("is already defined; use redefinePipeline")));
        }

        @Test
        void cannotDefineExistingPipelineWithOtherStages() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new DefinePipelineCommand(PIPELINE, NAME, GOAL_BASED, at(0)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("pipelineId", containsString("is already defined")));
        }

        @Test
        void cannotDefineRedefinedPipelineWithItsCurrentStages() {
            fixture.given(defined(ACTIVITY_BASED, at(0)), redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)))
                    .when(new DefinePipelineCommand(PIPELINE, NAME, GOAL_BASED, at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("pipelineId", containsString("is already defined")));
        }
    }

    @Nested
    class Redefining {

        @Test
        void canRedefinePipelineWithCompleteMapping() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING, at(10)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new PipelineRedefinedEvent(PIPELINE, 2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)));
        }

        @Test
        void redefinitionRecordsTheExitCriteriaChecklists() {
            List<StageDefinition> checked = List.of(stage("contact"), new StageDefinition("qualification",
                    "Qualification", null, null, null, List.of(new CriterionDefinition("budget", "Budget agreed"),
                    new CriterionDefinition("deadline", "Deadline agreed"))));
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, checked, List.of(absorbed("call"),
                            absorbed("proposal"), absorbed("signing")), at(10)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(redefined(2, checked, List.of(to("contact", "contact"), absorbed("call"),
                            to("qualification", "qualification"), absorbed("proposal"), absorbed("signing")),
                            at(10)));
        }

        @Test
        void cannotRedefineWithADuplicateCriterionKey() {
            List<StageDefinition> checked = List.of(stage("contact"), new StageDefinition("qualification",
                    "Qualification", null, null, null, List.of(new CriterionDefinition("budget", "Budget agreed"),
                    new CriterionDefinition("budget", "Budget approved"))));
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, checked, List.of(absorbed("call"),
                            absorbed("proposal"), absorbed("signing")), at(10)))
                    .expectNoEvents()
                    .expectException(violationOn("stages[1].criteria[1].key",
                            containsString("duplicate criterion key 'budget'")));
        }

        @Test
        void keptStagesMapToThemselvesWhenMappingLeavesThemOut() {
            List<StageDefinition> reordered = stages("contact", "qualification", "call", "proposal", "signing");
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, reordered, null, at(10)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(redefined(2, reordered, List.of(to("contact", "contact"), to("call", "call"),
                            to("qualification", "qualification"), to("proposal", "proposal"),
                            to("signing", "signing")), at(10)));
        }

        @Test
        void explicitMappingOfKeptStageToItselfEqualsImpliedOne() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, List.of(to("signing", "signing"),
                            to("contact", "contact"), absorbed("call"), to("proposal", "terms")), at(10)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)));
        }

        @Test
        void canAbsorbActivityStages() {
            List<StageDefinition> goalsOnly = stages("contact", "qualification", "signing");
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, goalsOnly,
                            List.of(absorbed("proposal"), absorbed("call")), at(10)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(redefined(2, goalsOnly, List.of(to("contact", "contact"), absorbed("call"),
                            to("qualification", "qualification"), absorbed("proposal"), to("signing", "signing")),
                            at(10)));
        }

        @Test
        void pipelineRedefinedWithoutBusinessTimeIsRedefinedAtClockTime() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING, null))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, NOW));
        }

        @Test
        void redefinitionMayStateWhenItTookEffect() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING, at(10), at(5)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new PipelineRedefinedEvent(PIPELINE, 2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10),
                            at(5)));
        }

        @Test
        void redefinitionMayTakeEffectWhenThePreviousVersionDid() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING, at(10), at(0)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(new PipelineRedefinedEvent(PIPELINE, 2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10),
                            at(0)));
        }

        @Test
        void cannotRedefineEffectiveInTheFuture() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING, at(10),
                            NOW.plus(Duration.ofHours(1))))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("effectiveFrom", containsString("lies in the future")));
        }

        @Test
        void cannotRedefineEffectiveBeforeThePipelineWasDefined() {
            fixture.given(defined(ACTIVITY_BASED, at(10)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING, at(20), at(9)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("effectiveFrom",
                            containsString("is before version 1 took effect at " + at(10))));
        }

        @Test
        void cannotRedefineEffectiveBeforeThePreviousRedefinitionTookEffect() {
            List<StageDefinition> v3 = stages("contact", "qualification", "terms", "signing");
            fixture.given(defined(ACTIVITY_BASED, at(0)),
                            new PipelineRedefinedEvent(PIPELINE, 2, GOAL_BASED, V2_COMPLETE_MAPPING, at(30), at(20)))
                    .when(new RedefinePipelineCommand(PIPELINE, v3, List.of(absorbed("call"), to("proposal", "terms"), absorbed("profiling")), at(40), at(19)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("effectiveFrom",
                            containsString("is before version 2 took effect at " + at(20))));
        }

        @Test
        void redefinitionWithoutEffectiveTimeTakesEffectWhenRecorded() {
            List<StageDefinition> v3 = stages("contact", "qualification", "terms", "signing");
            fixture.given(defined(ACTIVITY_BASED, at(0)), redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(30)))
                    .when(new RedefinePipelineCommand(PIPELINE, v3, List.of(absorbed("call"), to("proposal", "terms"), absorbed("profiling")), at(40), at(29)))
                    .expectNoEvents()
                    .expectException(violationOn("effectiveFrom",
                            containsString("is before version 2 took effect at " + at(30))));
        }

        @Test
        void cannotRedefineUndefinedPipeline() {
            fixture.givenNoPriorActivity()
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING, at(10)))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void cannotRedefinePipelineWithoutStages() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, List.of(), List.of(), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages", containsString("must contain at least one stage")));
        }

        @Test
        void cannotRedefinePipelineWithDuplicateStageKeys() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE,
                            stages("contact", "call", "qualification", "proposal", "signing", "call"), null, at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages[5].key", containsString("duplicate stage key 'call'")));
        }

        @Test
        void cannotRedefinePipelineWithEmptyStageEntry() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, Arrays.asList(null, stage("contact")), List.of(),
                            at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("stages[0]", containsString("must not be null")));
        }

        @Test
        void cannotMapToStageTheNewVersionLacks() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(absorbed("call"), to("proposal", "closing")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[1].to",
                            containsString("'closing' is not a stage of the new version")));
        }

        @Test
        void cannotLeaveStageOfEarlierVersionUnmapped() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, List.of(absorbed("call")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping", containsString("stage 'proposal' of an earlier version "
                            + "is neither mapped to a stage of the new version nor absorbed")));
        }

        @Test
        void cannotMapStageTwice() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(absorbed("call"), to("proposal", "terms"), to("call", "profiling")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[2].from", containsString("'call' is mapped more than once")));
        }

        @Test
        void cannotMapStageNoEarlierVersionHad() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(absorbed("meeting"), absorbed("call"), to("proposal", "terms")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[0].from",
                            containsString("'meeting' is not a stage of any earlier version")));
        }

        @Test
        void cannotMapNewStageOfThisVersion() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(absorbed("call"), to("proposal", "terms"), to("profiling", "profiling")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[2].from",
                            containsString("'profiling' is not a stage of any earlier version")));
        }

        @Test
        void cannotMapFromInvalidKey() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(absorbed("call"), to("proposal", "terms"), to("", "terms")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[2].from", containsString("is required")));
        }

        @Test
        void cannotGiveEmptyMappingEntry() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            Arrays.asList(absorbed("call"), null, to("proposal", "terms")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[1]", containsString("must not be null")));
        }

        @Test
        void cannotAbsorbStageIntoTarget() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(new StageMapping("call", "profiling", true), to("proposal", "terms")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[0].to",
                            containsString("must be empty when the stage is absorbed")));
        }

        @Test
        void cannotMapStageWithoutTargetUnlessAbsorbed() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(new StageMapping("call", null, false), to("proposal", "terms")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[0].to",
                            containsString("is required unless the stage is absorbed")));
        }

        @Test
        void cannotRemapStageTheNewVersionKeeps() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(absorbed("call"), to("proposal", "terms"), to("qualification", "profiling")),
                            at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[2].from", allOf(containsString("'qualification'"),
                            containsString("still a stage of the new version"))));
        }

        @Test
        void cannotAbsorbStageTheNewVersionKeeps() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(absorbed("call"), to("proposal", "terms"), absorbed("signing")), at(10)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping[2].from", allOf(containsString("'signing'"),
                            containsString("still a stage of the new version"))));
        }
        @Test
        void identicalRedefinitionIsDuplicate() {
            fixture.given(defined(ACTIVITY_BASED, at(0)), redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING, at(10)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void redefinitionToCurrentStagesIsDuplicate() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, ACTIVITY_BASED, List.of(), at(10)))
                    .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                    .expectNoEvents();
        }

        @Test
        void redefinitionWithCurrentStagesButAnotherMappingAddsVersion() {
            List<StageMapping> proposalAbsorbed = List.of(to("contact", "contact"), absorbed("call"),
                    to("qualification", "qualification"), absorbed("proposal"), to("signing", "signing"),
                    to("profiling", "profiling"), to("terms", "terms"));
            fixture.given(defined(ACTIVITY_BASED, at(0)), redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED,
                            List.of(absorbed("call"), absorbed("proposal")), at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(redefined(3, GOAL_BASED, proposalAbsorbed, at(20)));
        }

        @Test
        void stagesOfFirstVersionMustStillBeMappedAtThird() {
            fixture.given(defined(ACTIVITY_BASED, at(0)), redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)))
                    .when(new RedefinePipelineCommand(PIPELINE, stages("contact", "qualification", "terms", "signing"),
                            List.of(absorbed("profiling")), at(20)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("mapping", containsString("stage 'call' of an earlier version")))
                    .expectException(violationOn("mapping", containsString("stage 'proposal' of an earlier version")));
        }

        @Test
        void thirdVersionMapsStagesOfEveryEarlierVersion() {
            List<StageDefinition> v3 = stages("contact", "qualification", "terms", "signing");
            fixture.given(defined(ACTIVITY_BASED, at(0)), redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)))
                    .when(new RedefinePipelineCommand(PIPELINE, v3,
                            List.of(absorbed("profiling"), absorbed("call"), to("proposal", "terms")), at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(redefined(3, v3, List.of(to("contact", "contact"), absorbed("call"),
                            to("qualification", "qualification"), to("proposal", "terms"), to("signing", "signing"),
                            absorbed("profiling"), to("terms", "terms")), at(20)));
        }

        @Test
        void stageAbsorbedEarlierMayReturnAsStage() {
            List<StageDefinition> v3 = stages("contact", "call", "qualification", "terms", "signing");
            fixture.given(defined(ACTIVITY_BASED, at(0)), redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)))
                    .when(new RedefinePipelineCommand(PIPELINE, v3,
                            List.of(absorbed("profiling"), to("proposal", "terms")), at(20)))
                    .expectResultMessagePayload(CommandOutcome.APPLIED)
                    .expectEvents(redefined(3, v3, List.of(to("contact", "contact"), to("call", "call"),
                            to("qualification", "qualification"), to("proposal", "terms"), to("signing", "signing"),
                            absorbed("profiling"), to("terms", "terms")), at(20)));
        }

        @Test
        void cannotRedefinePipelineInTheFuture() {
            fixture.given(defined(ACTIVITY_BASED, at(0)))
                    .when(new RedefinePipelineCommand(PIPELINE, GOAL_BASED, V2_MAPPING,
                            NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(CommandRejectedException.class)
                    .expectException(violationOn("occurredAt", containsString("lies in the future")));
        }
    }
}
