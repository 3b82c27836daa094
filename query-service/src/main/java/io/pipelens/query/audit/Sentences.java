package io.pipelens.query.audit;

import java.util.List;

/** Small helpers for the sentences findings are written in. */
final class Sentences {

    private Sentences() {
    }

    static String describe(StageField field) {
        return switch (field) {
            case KEY -> "key";
            case NAME -> "name";
            case GOAL -> "goal";
            case EXIT_CRITERION -> "exit criterion";
        };
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** "1 stage", "3 stages". */
    static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** 'A', 'B' and 'C'. */
    static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
        if (quoted.size() <= 1) {
            return String.join("", quoted);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}
