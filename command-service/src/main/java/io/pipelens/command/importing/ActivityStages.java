package io.pipelens.command.importing;

import io.pipelens.command.importing.HistoryBuilder.DealHistory;
import io.pipelens.kernel.deal.DealCommand;
import io.pipelens.kernel.deal.MoveDealToStageCommand;
import io.pipelens.kernel.deal.OpenDealCommand;
import io.pipelens.kernel.deal.ReopenDealCommand;
import io.pipelens.kernel.pipeline.PipelineDefinition;
import io.pipelens.kernel.pipeline.StageDefinition;
import io.pipelens.kernel.pipeline.StepOrder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A pipeline made of a log's activities ({@code stagesFromActivities}, DESIGN §9.3): one stage per distinct activity
 * (activities compared as the mapping compares them), named as the log first spells it, with a key derived from the
 * name, ordered as stage discovery over every deal of the file orders them with minCoverage 0 ({@link StepOrder}).
 *
 * <p>Keys are the name in lower case, with Latin accents dropped, Cyrillic transliterated by a fixed table (GOST
 * 7.79 system B without diacritics, as in URLs: "КП отправлено" is {@code kp-otpravleno}), every other letter or
 * digit of another script written as {@code u} and its code point in hex, and any run of other characters as one
 * {@code -}; cut to 64 characters, and made unique by {@code -2}, {@code -3}, … in stage order. The table is written
 * here rather than taken from ICU4J's transliterator: that is a 14 MB library for one table, and its rules change
 * between releases, which would change the keys of a log imported again.
 */
final class ActivityStages {

    private static final int MAX_KEY = 64;
    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "j", "k", "l", "m",
        "n", "o", "p", "r", "s", "t", "u", "f", "x", "cz", "ch", "sh", "shh", "", "y", "", "e", "yu", "ya", "i", "yi",
        "ye", "g", "u"};

    private final Map<String, String> names = new LinkedHashMap<>();

    /** Adds an activity as the log spells it; a spelling the mapping takes as a known one adds nothing. */
    void add(String activity) {
        names.putIfAbsent(ImportMapping.Activities.normalize(activity), activity.trim());
    }

    int size() {
        return names.size();
    }

    /** Every activity seen, as the mapping's {@code stages} (value to stage key), keys in order of first sight. */
    Map<String, String> provisionalKeys() {
        return keys(new ArrayList<>(names.keySet()));
    }

    /**
     * The stages in the order the deals' histories suggest; an activity no valid history holds (its rows were all
     * skipped) has no stage.
     */
    List<StageDefinition> stages(List<DealHistory> deals) {
        Map<String, String> provisional = provisionalKeys();
        Map<String, String> activityByKey = new LinkedHashMap<>();
        provisional.forEach((activity, key) -> activityByKey.put(key, activity));
        List<List<String>> paths = deals.stream().map(ActivityStages::stagesOf).toList();
        List<String> ordered = StepOrder.of(paths).order(0).stream().map(activityByKey::get).toList();
        Map<String, String> keys = keys(ordered);
        return ordered.stream().map(activity -> new StageDefinition(keys.get(activity), names.get(activity), null,
                null, null)).toList();
    }

    /** The problem with this many activities as stages, or null when a pipeline can hold them. */
    String problem() {
        return names.size() <= PipelineDefinition.MAX_STAGES ? null : "the log has " + names.size() + " distinct"
                + " activities; a pipeline holds at most " + PipelineDefinition.MAX_STAGES + " stages (skip the"
                + " rare ones with 'ignore', or map them with a pipeline defined first)";
    }

    /** Keys for the normalized activities, unique in the given order. */
    private Map<String, String> keys(List<String> activities) {
        Map<String, String> keys = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String activity : activities) {
            String base = keyOf(names.get(activity));
            String key = base;
            for (int n = 2; !taken.add(key); n++) {
                String suffix = "-" + n;
                key = base.substring(0, Math.min(base.length(), MAX_KEY - suffix.length())) + suffix;
            }
            keys.put(activity, key);
        }
        return keys;
    }

    private static List<String> stagesOf(DealHistory deal) {
        List<String> stages = new ArrayList<>();
        for (DealCommand change : deal.command().changes()) {
            if (change instanceof OpenDealCommand open) {
                stages.add(open.stage());
            } else if (change instanceof MoveDealToStageCommand move) {
                stages.add(move.stage());
            } else if (change instanceof ReopenDealCommand reopen) {
                stages.add(reopen.stage());
            }
        }
        return stages;
    }

    /** The stage key of an activity name (see the class comment); always a valid key. */
    static String keyOf(String name) {
        StringBuilder key = new StringBuilder();
        name.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            int cyrillic = c <= Character.MAX_VALUE ? CYRILLIC.indexOf(c) : -1;
            if (cyrillic >= 0) {
                key.append(LATIN[cyrillic]);
            } else {
                // One character at a time, so that only accents are dropped: "é" is "e" and a mark, "й" is not.
                Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD).codePoints()
                        .forEach(part -> key.append(latinOf(part)));
            }
        });
        String slug = key.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
        String cut = slug.length() > MAX_KEY ? slug.substring(0, MAX_KEY).replaceAll("-$", "") : slug;
        return cut.isEmpty() ? "activity" : cut;
    }

    /** What a code point other than Cyrillic becomes: itself, {@code u} and its hex, nothing (an accent) or "-". */
    private static String latinOf(int c) {
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
            return String.valueOf((char) c);
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return "";
        }
        return Character.isLetterOrDigit(c) ? "u" + Integer.toHexString(c) : "-";
    }
}
