package io.pipelens.kernel.pipeline;

import java.util.List;

/**
 * The reference goal-based pipeline of nine stages: each stage is a state reached in the client's head, with its exit
 * criterion. Teams start from it or audit their own pipeline against it.
 */
public final class SolutionSalesTemplate {

    public static final String NAME = "Solution Sales (9 goal-based stages)";

    public static final List<StageDefinition> STAGES = List.of(
            new StageDefinition("contact", "Contact found", "We can reach the client",
                    "We have a contact and access to talk to the client", null),
            new StageDefinition("profiling", "Profiling", "The client fits our target profile",
                    "Client fits the target profile; we talk to the decision maker who owns the problem", null),
            new StageDefinition("qualification", "Qualification", "The decision maker wants to solve the problem with us",
                    "Decision maker confirmed the problem, solution and benefit; deadline, budget and deal plan agreed",
                    null),
            new StageDefinition("requirements", "Requirements discovery", "Everyone who influences the deal is known",
                    "Everyone who influences the deal is known, with their requirements and priorities", null),
            new StageDefinition("terms", "Terms agreed", "Every participant accepts our terms",
                    "Technical, organisational and financial terms agreed with every participant", null),
            new StageDefinition("defence", "Deal defence", "The final decision maker says yes",
                    "Verbal \"yes\" from the final decision maker, or tender won", null),
            new StageDefinition("signing", "Signing & payment", "The deal is formalised",
                    "Documents signed, money received (if prepaid)", null),
            new StageDefinition("implementation", "Implementation", "The client gets the value it pays for",
                    "The client received the value it pays for", null),
            new StageDefinition("service", "Service & upsell", "The client starts the next deal",
                    "The next deal has been initiated", null));

    private SolutionSalesTemplate() {
    }

    public static PipelineDefinition definition() {
        return new PipelineDefinition(STAGES);
    }
}
