package io.pipelens.launcher.badinput;

import static io.pipelens.launcher.badinput.Surface.BATCH;
import static io.pipelens.launcher.badinput.Surface.COMMAND_GRAPHQL;
import static io.pipelens.launcher.badinput.Surface.IMPORT;
import static io.pipelens.launcher.badinput.Surface.QUERY_GRAPHQL;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad-input catalogue: every case runs against a pipeline {@value #PIPELINE} (the 9-stage template, defined on
 * 2026-01-01) holding an open deal {@value #OPEN} (contact on 2026-01-05, qualification on 2026-01-10), a won deal
 * {@value #WON} and a lost deal {@value #LOST} (both closed on 2026-01-06).
 */
final class Catalogue {

    static final String PIPELINE = "bi-main";
    static final String OPEN = "bi-open";
    static final String WON = "bi-won";
    static final String LOST = "bi-lost";

    private static final String AT = "\"2026-03-01T10:00:00Z\"";
    private static final String HEADER = "deal_id,timestamp,stage\n";

    private final List<BadInput> cases = new ArrayList<>();

    private Catalogue() {
    }

    static List<BadInput> cases() {
        Catalogue c = new Catalogue();
        c.mutations();
        c.pipelines();
        c.batch();
        c.imports();
        c.queries();
        return List.copyOf(c.cases);
    }

    private void mutations() {
        mutation("unknown stage on open", "openDeal(input: {dealId: \"bi-new\", pipelineId: \"" + PIPELINE
                + "\", stage: \"call\", occurredAt: " + AT + "})", "stage", "'call'");
        mutation("unknown pipeline on open", "openDeal(input: {dealId: \"bi-new\", pipelineId: \"nope\", stage: "
                + "\"contact\", occurredAt: " + AT + "})", "pipelineId", "'nope'");
        mutation("deal id already taken", "openDeal(input: {dealId: \"" + OPEN + "\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\", occurredAt: " + AT + "})", "dealId", "already");
        mutation("empty deal id", "openDeal(input: {dealId: \"\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\"})", "dealId", "is required");
        mutation("oversized deal id", "openDeal(input: {dealId: \"" + "d".repeat(65) + "\", pipelineId: \""
                + PIPELINE + "\", stage: \"contact\"})", "dealId", "1 to 64");
        mutation("deal id with a space", "openDeal(input: {dealId: \"a b\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\"})", "dealId", "letters, digits");
        mutation("negative amount", "openDeal(input: {dealId: \"bi-new\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\", attributes: {amount: \"-5\", currency: \"EUR\"}})", "attributes.amount", "must not be negative");
        mutation("amount that is not a number", "openDeal(input: {dealId: \"bi-new\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\", attributes: {amount: \"lots\", currency: \"EUR\"}})", "amount", "lots");
        mutation("unknown currency", "openDeal(input: {dealId: \"bi-new\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\", attributes: {amount: \"5\", currency: \"EURO\"}})", "attributes.currency", "ISO-4217");
        mutation("amount without currency", "openDeal(input: {dealId: \"bi-new\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\", attributes: {amount: \"5\"}})", "attributes.currency", "required when an amount is given");
        mutation("occurredAt not a time", "openDeal(input: {dealId: \"bi-new\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\", occurredAt: \"yesterday\"})", "occurredAt", "yesterday");
        mutation("unknown input field", "openDeal(input: {dealId: \"bi-new\", pipelineId: \"" + PIPELINE
                + "\", stage: \"contact\", colour: \"red\"})", "colour",
                "contains a field not in 'OpenDealInput'");
        mutation("move of an unknown deal", "moveDealToStage(input: {dealId: \"bi-ghost\", stage: \"terms\", "
                + "occurredAt: " + AT + "})", "dealId", "no deal 'bi-ghost'");
        mutation("move back in time", "moveDealToStage(input: {dealId: \"" + OPEN + "\", stage: \"terms\", "
                + "occurredAt: \"2026-01-09T00:00:00Z\"})", "occurredAt", "2026-01-10");
        mutation("move to the stage it is in", "moveDealToStage(input: {dealId: \"" + OPEN + "\", stage: "
                + "\"qualification\", occurredAt: " + AT + "})", "stage", "already");
        mutation("move of a closed deal", "moveDealToStage(input: {dealId: \"" + WON + "\", stage: \"terms\", "
                + "occurredAt: " + AT + "})", "dealId", "closed");
        mutation("move to an unknown stage", "moveDealToStage(input: {dealId: \"" + OPEN + "\", stage: "
                + "\"meeting\", occurredAt: " + AT + "})", "stage", "'meeting'");
        mutation("unknown exit criterion key", "moveDealToStage(input: {dealId: \"" + OPEN + "\", stage: \"terms\", "
                + "occurredAt: " + AT + ", confirmedCriteria: [\"budget\", \"signed\"]})", "confirmedCriteria",
                "'signed' is not an exit criterion of stage 'qualification'");
        mutation("exit criteria on a backward move", "moveDealToStage(input: {dealId: \"" + OPEN + "\", stage: "
                + "\"contact\", occurredAt: " + AT + ", confirmedCriteria: []})", "confirmedCriteria",
                "only be given on a forward move or a win");
        mutation("win twice", "winDeal(input: {dealId: \"" + WON + "\", occurredAt: " + AT + "})", "dealId",
                "closed");
        mutation("lose twice", "loseDeal(input: {dealId: \"" + LOST + "\", reason: \"again\", occurredAt: " + AT
                + "})", "dealId", "closed");
        mutation("lose without a reason", "loseDeal(input: {dealId: \"" + OPEN + "\"})", "reason", "missing required fields '[reason]'");
        mutation("lose with an empty reason", "loseDeal(input: {dealId: \"" + OPEN + "\", reason: \"\", "
                + "occurredAt: " + AT + "})", "reason", "1 to 500");
        mutation("lose with an oversized reason", "loseDeal(input: {dealId: \"" + OPEN + "\", reason: \""
                + "x".repeat(501) + "\", occurredAt: " + AT + "})", "reason", "1 to 500");
        mutation("reopen of an open deal", "reopenDeal(input: {dealId: \"" + OPEN + "\", stage: \"terms\", "
                + "occurredAt: " + AT + "})", "dealId", "open");
        mutation("reopen into an unknown stage", "reopenDeal(input: {dealId: \"" + WON + "\", stage: \"call\", "
                + "occurredAt: " + AT + "})", "stage", "'call'");
        mutation("reopen back in time", "reopenDeal(input: {dealId: \"" + LOST + "\", stage: \"terms\", "
                + "occurredAt: \"2026-01-01T00:00:00Z\"})", "occurredAt", "2026-01-06");
        mutation("attributes with a negative amount", "changeDealAttributes(input: {dealId: \"" + OPEN
                + "\", attributes: {amount: \"-1\", currency: \"EUR\"}, occurredAt: " + AT + "})", "attributes.amount",
                "must not be negative");
        mutation("oversized owner", "changeDealAttributes(input: {dealId: \"" + OPEN + "\", attributes: {owner: \""
                + "o".repeat(300) + "\"}, occurredAt: " + AT + "})", "attributes.owner", "1 to 200 characters");
        mutation("win without input", "winDeal", "input", "Missing field argument 'input'");
        cases.add(new BadInput("unknown mutation", COMMAND_GRAPHQL, "mutation { closeDeal(dealId: \"x\") { id } }",
                null, "closeDeal", "in type 'Mutation' is undefined"));
        cases.add(new BadInput("malformed GraphQL", COMMAND_GRAPHQL, "mutation { openDeal(input: {dealId: \"x\" ",
                null, "line 1", "Invalid syntax"));
        mutation("expected close date that is not a date", "openDeal(input: {dealId: \"bi-new\", pipelineId: \""
                + PIPELINE + "\", stage: \"contact\", attributes: {expectedCloseDate: \"next week\"}})",
                "expectedCloseDate", "next week");
        mutation("attributes with a close date that does not exist", "changeDealAttributes(input: {dealId: \""
                + OPEN + "\", attributes: {expectedCloseDate: \"2026-02-30\"}, occurredAt: " + AT + "})",
                "expectedCloseDate", "2026-02-30");
    }

    private void pipelines() {
        String twoStages = "[{key: \"a\", name: \"A\"}, {key: \"b\", name: \"B\"}]";
        mutation("duplicate stage keys", "definePipeline(input: {pipelineId: \"bi-p2\", name: \"P\", stages: "
                + "[{key: \"a\", name: \"A\"}, {key: \"a\", name: \"A again\"}]})", "stages[1].key", "'a'");
        mutation("duplicate exit criterion keys", "definePipeline(input: {pipelineId: \"bi-p2\", name: \"P\", "
                + "stages: [{key: \"a\", name: \"A\", criteria: [{key: \"budget\", text: \"Budget agreed\"}, "
                + "{key: \"budget\", text: \"Budget again\"}]}]})", "stages[0].criteria[1].key", "'budget'");
        mutation("pipeline without stages", "definePipeline(input: {pipelineId: \"bi-p2\", name: \"P\"})",
                "stages", "unless useTemplate is true");
        mutation("pipeline with an empty name", "definePipeline(input: {pipelineId: \"bi-p2\", name: \"\", "
                + "stages: " + twoStages + "})", "name", "1 to 200");
        mutation("pipeline id already taken", "definePipeline(input: {pipelineId: \"" + PIPELINE
                + "\", name: \"P\", useTemplate: true})", "pipelineId", "already");
        mutation("stage key with a space", "definePipeline(input: {pipelineId: \"bi-p2\", name: \"P\", stages: "
                + "[{key: \"a b\", name: \"A\"}]})", "stages[0].key", "letters, digits");
        mutation("negative expected days", "definePipeline(input: {pipelineId: \"bi-p2\", name: \"P\", stages: "
                + "[{key: \"a\", name: \"A\", expectedDays: -3}]})", "stages[0].expectedDays", "must be a positive number of days");
        mutation("redefinition leaves an old key unmapped", "redefinePipeline(input: {pipelineId: \"" + PIPELINE
                + "\", stages: " + twoStages + "})", "mapping", "contact");
        mutation("mapping to a stage the new version lacks", "redefinePipeline(input: {pipelineId: \"" + PIPELINE
                + "\", stages: " + twoStages + ", mapping: [{from: \"contact\", to: \"zzz\"}]})", "mapping[0].to",
                "'zzz'");
        mutation("mapping from a key never used", "redefinePipeline(input: {pipelineId: \"" + PIPELINE
                + "\", stages: " + twoStages + ", mapping: [{from: \"nowhere\", to: \"a\"}]})", "mapping[0].from",
                "'nowhere'");
        mutation("redefinition of an unknown pipeline", "redefinePipeline(input: {pipelineId: \"bi-ghost\", "
                + "stages: " + twoStages + "})", "pipelineId", "'bi-ghost'");
        String templateAbsorbed = "[" + String.join(", ", List.of("contact", "profiling", "qualification",
                "requirements", "terms", "defence", "signing", "implementation", "service").stream()
                .map(key -> "{from: \"" + key + "\", absorbed: true}").toList()) + "]";
        mutation("redefinition effective before the current version", "redefinePipeline(input: {pipelineId: \""
                + PIPELINE + "\", stages: " + twoStages + ", mapping: " + templateAbsorbed
                + ", effectiveFrom: \"2025-12-31T00:00:00Z\"})", "effectiveFrom", "is before version 1 took effect");
    }

    private void batch() {
        batch("batch item of an unknown type", "{\"commands\": [{\"type\": \"closeDeal\", \"input\": {}}]}",
                "type", "'closeDeal' is not a command type");
        batch("batch item without input", "{\"commands\": [{\"type\": \"winDeal\"}]}", "input", "is required");
        batch("batch item with an unknown field", "{\"commands\": [{\"type\": \"winDeal\", \"input\": "
                + "{\"dealId\": \"" + OPEN + "\", \"colour\": \"red\"}}]}", "colour", "not a field");
        batch("batch item with a bad time", "{\"commands\": [{\"type\": \"winDeal\", \"input\": "
                + "{\"dealId\": \"" + OPEN + "\", \"occurredAt\": \"soon\"}}]}", "occurredAt", "soon");
        batch("batch move of a closed deal", "{\"commands\": [{\"type\": \"moveDealToStage\", \"input\": "
                + "{\"dealId\": \"" + LOST + "\", \"stage\": \"terms\", \"occurredAt\": " + AT + "}}]}", "dealId",
                "closed");
        batch("batch with too many items", "{\"commands\": [" + String.join(",",
                java.util.Collections.nCopies(1001, "{\"type\": \"winDeal\", \"input\": {\"dealId\": \"" + OPEN
                        + "\"}}")) + "]}", "commands", "at most 1000");
        batch("batch body that is not JSON", "commands: win everything", "body", "not a valid batch request");
        batch("batch without commands", "{}", "commands", "is required");
        batch("batch item with a close date that is not a date", "{\"commands\": [{\"type\": "
                + "\"changeDealAttributes\", \"input\": {\"dealId\": \"" + OPEN + "\", \"attributes\": "
                + "{\"expectedCloseDate\": \"end of March\"}}}]}", "attributes.expectedCloseDate", "end of March");
        batch("batch item with a close date given as a number", "{\"commands\": [{\"type\": "
                + "\"changeDealAttributes\", \"input\": {\"dealId\": \"" + OPEN + "\", \"attributes\": "
                + "{\"expectedCloseDate\": 20260331}}}]}", "attributes.expectedCloseDate",
                "must be a date from 1900-01-01 to 9999-12-31");
    }

    private void imports() {
        String pipeline = "pipelineId=" + PIPELINE;
        upload("import into an unknown pipeline", HEADER + "bi-i1,2026-02-01T10:00:00Z,contact\n",
                "pipelineId=nope", "pipelineId", "no pipeline 'nope'");
        upload("empty import file", "", pipeline, "file", "empty");
        upload("import file with a header only", HEADER, pipeline, "file", "no data rows");
        upload("import file with the wrong delimiter", "deal_id;timestamp;stage\nbi-i1;2026-02-01T10:00:00Z;"
                + "contact\n", pipeline, "header", "delimiter is probably not ','");
        upload("import row with a missing field", HEADER + "bi-i1,2026-02-01T10:00:00Z\n", pipeline, "row",
                "truncated");
        upload("import row with a bad timestamp", HEADER + "bi-i1,05/01/2026,contact\n", pipeline, "timestamp",
                "not a timestamp");
        upload("import row with an unknown activity", HEADER + "bi-i1,2026-02-01T10:00:00Z,Call\n", pipeline,
                "stage", "neither a stage");
        upload("import mapping to a missing stage", HEADER + "bi-i1,2026-02-01T10:00:00Z,call\n",
                pipeline + "&map=call:calling", "map", "'calling'");
        upload("import NDJSON line that is not JSON", "{\"deal_id\": \"bi-i1\", \"timestamp\": \"2026-02-01T10:00:00Z\","
                + " \"stage\": \"contact\"}\n{\"deal_id\": \"bi-i1\", \n", pipeline + "&format=ndjson", "row",
                "row 2: is not JSON");
        upload("import with an unknown format", HEADER + "bi-i1,2026-02-01T10:00:00Z,contact\n",
                pipeline + "&format=xml", "format", "'xml' is not a format");
        upload("import with a two-character delimiter", HEADER + "bi-i1,2026-02-01T10:00:00Z,contact\n",
                pipeline + "&delimiter=;;", "delimiter", "one character");
        upload("import with an unknown time zone", HEADER + "bi-i1,01.02.2026 10:00,contact\n",
                pipeline + "&timePattern=dd.MM.yyyy%20HH:mm&zone=Mars/Olympus", "zone", "not a time zone");
        upload("import with a negative amount", "deal_id,timestamp,stage,amount,currency\n"
                + "bi-i1,2026-02-01T10:00:00Z,contact,-10,EUR\n", pipeline + "&amountColumn=amount"
                + "&currencyColumn=currency", "amount", "negative");
        upload("import that moves a deal the store has closed", "deal_id,timestamp,stage,owner,amount,currency\n"
                + WON + ",2026-01-05T09:00:00Z,contact,ann,100,EUR\n" + WON + ",2026-02-01T10:00:00Z,terms,,,\n",
                pipeline + "&ownerColumn=owner&amountColumn=amount&currencyColumn=currency", "deal_id",
                "reopen it before you move it");
        upload("import that opens a deal the store already has", HEADER + WON + ",2026-02-01T10:00:00Z,terms\n",
                pipeline, "deal_id", "already exists (in pipeline '" + PIPELINE + "', won)");
        upload("import of a deal closed twice", HEADER + "bi-i1,2026-02-01T10:00:00Z,contact\n"
                + "bi-i1,2026-02-02T10:00:00Z,won\nbi-i1,2026-02-03T10:00:00Z,lost\n", pipeline, "row",
                "already closed at row 2");
        upload("import row with a close date that is not a date", "deal_id,timestamp,stage,close_by\n"
                + "bi-i1,2026-02-01T10:00:00Z,contact,31.03.2026\n", pipeline + "&expectedCloseDateColumn=close_by",
                "close_by", "'31.03.2026' is not a calendar date");
    }

    private void queries() {
        query("funnel of an unknown pipeline", "funnel(pipelineId: \"nope\") { open }", "pipelineId", "'nope'");
        query("funnel of an unknown version", "funnel(pipelineId: \"" + PIPELINE + "\", version: 99) { open }",
                "version", "99");
        query("funnel over an empty period", "funnel(pipelineId: \"" + PIPELINE + "\", population: {basis: OPENED,"
                + " from: \"2026-02-01T00:00:00Z\", to: \"2026-01-01T00:00:00Z\"}) { open }", "population", "period is empty");
        query("funnel with an unknown policy", "funnel(pipelineId: \"" + PIPELINE + "\", policy: LOOSE) { open }",
                "policy", "unknown value 'LOOSE'; expected one of IMPLIED, STRICT");
        query("deals page over the cap", "deals(first: 100000) { hasNextPage }", "first", "must be between 1");
        query("deals page of negative size", "deals(first: -1) { hasNextPage }", "first", "must be between 1");
        query("deals with a wrong argument type", "deals(first: \"ten\") { hasNextPage }", "first", "is not a valid 'Int'");
        query("unknown field in a selection", "deal(id: \"" + OPEN + "\") { colour }", "colour", "in type 'Deal' is undefined");
        query("bottlenecks over a zero window", "bottlenecks(pipelineId: \"" + PIPELINE + "\", windowDays: 0) "
                + "{ bottleneck }", "windowDays", "must be between 1 and");
        query("time in stage as of a bad time", "timeInStage(pipelineId: \"" + PIPELINE + "\", asOf: \"later\") "
                + "{ mode }", "asOf", "later");
        query("version comparison with an unknown version", "compareVersions(pipelineId: \"" + PIPELINE
                + "\", a: 1, b: 7) { a { version } }", "b", "has no version 7");
        query("audit of stages with duplicate keys", "auditStages(stages: [{key: \"a\", name: \"A\"}, "
                + "{key: \"a\", name: \"B\"}]) { verdict }", "stages[1].key", "'a'");
        query("change impact with no redefinition to default to", "changeImpact(pipelineId: \"" + PIPELINE
                + "\") { fisherP }", "at", "never been redefined");
        query("change impact before the first deal", "changeImpact(pipelineId: \"" + PIPELINE
                + "\", at: \"2025-06-01T00:00:00Z\") { fisherP }", "at", "before the first deal was opened");
        query("change impact over a zero horizon", "changeImpact(pipelineId: \"" + PIPELINE
                + "\", at: \"2026-01-06T00:00:00Z\", horizonDays: 0) { fisherP }", "horizonDays",
                "must be between 1 and");
        query("change impact over a negative window", "changeImpact(pipelineId: \"" + PIPELINE
                + "\", at: \"2026-01-06T00:00:00Z\", windowDays: -1) { fisherP }", "windowDays",
                "must be between 1 and");
        query("pipeline at an unknown version", "pipeline(id: \"" + PIPELINE + "\", version: 42) { name }",
                "version", "42");
        query("skip impact adjusted for an unknown attribute", "skipImpact(pipelineId: \"" + PIPELINE
                + "\", adjustFor: [OWNER, OWNR]) { closedDeals }", "adjustFor", "unknown value 'OWNR'");
    }

    private void mutation(String name, String call, String field, String phrase) {
        cases.add(new BadInput(name, COMMAND_GRAPHQL, "mutation { " + call + (call.contains("(") ? " { id outcome }"
                : " { id }") + " }", null, field, phrase));
    }

    private void batch(String name, String body, String field, String phrase) {
        cases.add(new BadInput(name, BATCH, body, null, field, phrase));
    }

    private void upload(String name, String file, String parameters, String field, String phrase) {
        cases.add(new BadInput(name, IMPORT, file, parameters, field, phrase));
    }

    private void query(String name, String call, String field, String phrase) {
        cases.add(new BadInput(name, QUERY_GRAPHQL, "{ " + call + " }", null, field, phrase));
    }
}
