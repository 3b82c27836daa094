package io.pipelens.command;

import static org.hamcrest.Matchers.anything;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for the violations a rejected command carries, for {@code expectException(Matcher)}. */
public final class Rejections {

    private Rejections() {
    }

    /** A rejection with a violation on {@code field}, whatever its reason. */
    public static Matcher<ViolationException> violationOn(String field) {
        return violationOn(field, anything());
    }

    /** A rejection with a violation on {@code field} whose reason matches {@code reason}. */
    public static Matcher<ViolationException> violationOn(String field, Matcher<? super String> reason) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(ViolationException rejection, Description mismatch) {
                for (Violation violation : rejection.violations()) {
                    if (violation.field().equals(field) && reason.matches(violation.reason())) {
                        return true;
                    }
                }
                mismatch.appendText("violations were ").appendValue(rejection.violations());
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation on field ").appendValue(field)
                        .appendText(" with a reason that is ").appendDescriptionOf(reason);
            }
        };
    }
}
