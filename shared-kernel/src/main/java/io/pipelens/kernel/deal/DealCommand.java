package io.pipelens.kernel.deal;

/**
 * Marker for the commands that change a deal. Every deal command names the deal and, optionally, the business time of
 * the change; when {@code occurredAt} is null the command service stamps the moment it handles the command.
 */
public sealed interface DealCommand permits OpenDealCommand, MoveDealToStageCommand, WinDealCommand, LoseDealCommand,
        ReopenDealCommand, ChangeDealAttributesCommand {

    String dealId();

    java.time.Instant occurredAt();
}
