package io.pipelens.platform.graphql;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What both GraphQL schemas share: the {@code DateTime}, {@code Date} and {@code Decimal} scalars, and how refused input is reported,
 * unknown enum values included.
 */
@AutoConfiguration
@ConditionalOnClass(RuntimeWiringConfigurer.class)
public class GraphQlSupportConfiguration {

    @Bean
    public RuntimeWiringConfigurer pipelensScalars() {
        return wiring -> wiring.scalar(DateTimeScalar.TYPE).scalar(DateScalar.TYPE).scalar(DecimalScalar.TYPE);
    }

    @Bean
    public ViolationErrorResolver violationErrorResolver() {
        return new ViolationErrorResolver();
    }

    @Bean
    public Instrumentation pipelensUnknownEnumValues() {
        return new UnknownEnumValueInstrumentation();
    }
}
