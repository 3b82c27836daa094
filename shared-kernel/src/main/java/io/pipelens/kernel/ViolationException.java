package io.pipelens.kernel;

import java.util.List;
import java.util.stream.Collectors;

/** Input was refused for the listed reasons, each naming its field; nothing was changed. */
public class ViolationException extends RuntimeException {

    private final transient List<Violation> violations;

    public ViolationException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public ViolationException(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
