package io.pipelens.command.pipeline;

import static io.pipelens.command.BusinessClock.at;
import static io.pipelens.command.pipeline.PipelineEvents.defined;
import static io.pipelens.command.pipeline.PipelineEvents.redefined;
import static io.pipelens.command.pipeline.Stages.ACTIVITY_BASED;
import static io.pipelens.command.pipeline.Stages.GOAL_BASED;
import static io.pipelens.command.pipeline.Stages.stages;
import static io.pipelens.kernel.pipeline.StageMapping.absorbed;
import static io.pipelens.kernel.pipeline.StageMapping.to;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.StageMapping;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completing a redefinition's mapping, against a history of ACTIVITY_BASED (v1) and, where said, GOAL_BASED (v2). */
class PipelineHistoryTest {

    private static final PipelineDefinition GOALS = new PipelineDefinition(GOAL_BASED);
    private static final List<StageMapping> V2_COMPLETE_MAPPING = List.of(to("contact", "contact"), absorbed("call"),
            to("qualification", "qualification"), to("proposal", "terms"), to("signing", "signing"));

    private static PipelineHistory firstVersion() {
        PipelineHistory history = new PipelineHistory();
        history.apply(defined(ACTIVITY_BASED, at(0)));
        return history;
    }

    private static PipelineHistory secondVersion() {
        PipelineHistory history = firstVersion();
        history.apply(redefined(2, GOAL_BASED, V2_COMPLETE_MAPPING, at(10)));
        return history;
    }

    @Test
    void completesMappingWithKeptKeysInTheOrderTheyWereFirstDefined() {
        PipelineHistory.MappingResult result = firstVersion().completeMapping(GOALS,
                List.of(to("proposal", "terms"), absorbed("call")));

        assertThat(result.violations()).isEmpty();
        assertThat(result.mapping()).isEqualTo(V2_COMPLETE_MAPPING);
    }

    @Test
    void treatsMissingMappingAsEmpty() {
        PipelineHistory.MappingResult result = firstVersion().completeMapping(
                new PipelineDefinition(stages("signing", "qualification", "proposal", "call", "contact")), null);

        assertThat(result.violations()).isEmpty();
        assertThat(result.mapping()).containsExactly(to("contact", "contact"), to("call", "call"),
                to("qualification", "qualification"), to("proposal", "proposal"), to("signing", "signing"));
    }

    @Test
    void requiresEveryKeyOfEveryEarlierVersion() {
        PipelineHistory.MappingResult result = secondVersion().completeMapping(
                new PipelineDefinition(stages("contact", "qualification", "signing")), List.of(absorbed("terms")));

        assertThat(result.violations()).extracting(Violation::reason).containsExactly(
                "stage 'call' of an earlier version is neither mapped to a stage of the new version nor absorbed",
                "stage 'proposal' of an earlier version is neither mapped to a stage of the new version nor absorbed",
                "stage 'profiling' of an earlier version is neither mapped to a stage of the new version nor absorbed");
        assertThat(result.violations()).extracting(Violation::field).containsOnly("mapping");
    }

    @Test
    void mapsKeysOfEveryEarlierVersionAtThirdVersion() {
        PipelineHistory.MappingResult result = secondVersion().completeMapping(
                new PipelineDefinition(stages("contact", "qualification", "terms", "signing")),
                List.of(absorbed("call"), to("proposal", "terms"), absorbed("profiling")));

        assertThat(result.violations()).isEmpty();
        assertThat(result.mapping()).containsExactly(to("contact", "contact"), absorbed("call"),
                to("qualification", "qualification"), to("proposal", "terms"), to("signing", "signing"),
                absorbed("profiling"), to("terms", "terms"));
    }

    @Test
    void reportsMappingToStageTheNewVersionLacks() {
        assertThat(firstVersion().completeMapping(GOALS, List.of(absorbed("call"), to("proposal", "closing")))
                .violations())
                .containsExactly(new Violation("mapping[1].to", "'closing' is not a stage of the new version"));
    }

    @Test
    void reportsKeyMappedTwice() {
        assertThat(firstVersion().completeMapping(GOALS,
                List.of(absorbed("call"), to("proposal", "terms"), absorbed("call"))).violations())
                .containsExactly(new Violation("mapping[2].from", "'call' is mapped more than once"));
    }

    @Test
    void reportsKeyNoEarlierVersionHad() {
        assertThat(firstVersion().completeMapping(GOALS,
                List.of(absorbed("call"), to("proposal", "terms"), absorbed("meeting"))).violations())
                .containsExactly(new Violation("mapping[2].from",
                        "'meeting' is not a stage of any earlier version of this pipeline"));
    }

    @Test
    void reportsInvalidFromKey() {
        assertThat(firstVersion().completeMapping(GOALS,
                List.of(absorbed("call"), to("proposal", "terms"), to("sales call", "terms"))).violations())
                .extracting(Violation::field).containsExactly("mapping[2].from");
    }

    @Test
    void reportsMissingEntry() {
        assertThat(firstVersion().completeMapping(GOALS,
                Arrays.asList(absorbed("call"), null, to("proposal", "terms"))).violations())
                .containsExactly(new Violation("mapping[1]", "must not be null"));
    }

    @Test
    void reportsAbsorbedEntryWithTarget() {
        assertThat(firstVersion().completeMapping(GOALS,
                List.of(new StageMapping("call", "profiling", true), to("proposal", "terms"))).violations())
                .containsExactly(new Violation("mapping[0].to", "must be empty when the stage is absorbed"));
    }

    @Test
    void reportsEntryWithoutTargetThatIsNotAbsorbed() {
        assertThat(firstVersion().completeMapping(GOALS,
                List.of(new StageMapping("call", null, false), to("proposal", "terms"))).violations())
                .containsExactly(new Violation("mapping[0].to", "is required unless the stage is absorbed"));
    }

    @Test
    void reportsKeptKeyMappedElsewhere() {
        assertThat(firstVersion().completeMapping(GOALS,
                List.of(absorbed("call"), to("proposal", "terms"), to("contact", "profiling"))).violations())
                .extracting(Violation::field).containsExactly("mapping[2].from");
    }

    @Test
    void reportsKeptKeyAbsorbed() {
        assertThat(firstVersion().completeMapping(GOALS,
                List.of(absorbed("call"), to("proposal", "terms"), absorbed("contact"))).violations())
                .extracting(Violation::field).containsExactly("mapping[2].from");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(firstVersion().completeMapping(GOALS,
                Arrays.asList(null, new StageMapping("call", null, false), absorbed("nope"))).violations())
                .extracting(Violation::field)
                .containsExactly("mapping[0]", "mapping[1].to", "mapping[2].from", "mapping");
    }

    @Test
    void recognisesTheCurrentVersionWithItsCompleteMapping() {
        PipelineHistory history = secondVersion();
        List<StageMapping> retried = history.completeMapping(GOALS, List.of(absorbed("call"), to("proposal", "terms")))
                .mapping();

        assertThat(history.isCurrent(GOALS, retried)).isTrue();
    }

    @Test
    void doesNotTakeAnotherMappingOfTheCurrentStagesForTheCurrentVersion() {
        PipelineHistory history = secondVersion();
        List<StageMapping> proposalAbsorbed = history.completeMapping(GOALS,
                List.of(absorbed("call"), absorbed("proposal"))).mapping();

        assertThat(history.isCurrent(GOALS, proposalAbsorbed)).isFalse();
    }

    @Test
    void remembersEveryVersionAndEveryKey() {
        PipelineHistory history = secondVersion();

        assertThat(history.isDefined()).isTrue();
        assertThat(history.name()).isEqualTo(PipelineEvents.NAME);
        assertThat(history.currentVersion()).isEqualTo(2);
        assertThat(history.first()).isEqualTo(new PipelineDefinition(ACTIVITY_BASED));
        assertThat(history.current()).isEqualTo(GOALS);
        assertThat(history.keysEverDefined()).containsExactlyInAnyOrder("contact", "call", "qualification",
                "proposal", "signing", "profiling", "terms");
    }

    @Test
    void isUndefinedBeforeItsFirstEvent() {
        assertThat(new PipelineHistory().isDefined()).isFalse();
    }
}
