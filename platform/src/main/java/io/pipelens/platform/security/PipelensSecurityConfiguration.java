package io.pipelens.platform.security;

import io.pipelens.kernel.ViolationException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what, the same for both services. Requests carry an API key ({@link ApiKeyAuthenticationFilter}); the
 * rules per surface:
 * <ul>
 * <li>{@code /actuator/health} and {@code /actuator/prometheus}: anyone, so that load balancers, container health
 *     checks and Prometheus need no key; every other Actuator endpoint: ADMIN.</li>
 * <li>{@code /graphiql} and its scripts under {@code /graphiql/assets/}: anyone (a static page; its requests to
 *     {@code /graphql} carry the key from its headers tab).</li>
 * <li>{@code /graphql}: any valid key; what each operation needs is checked per field by
 *     {@link GraphQlAccessInstrumentation} (queries READ, mutations WRITE) and, where a field needs more, by
 *     {@code @PreAuthorize("hasRole('ADMIN')")} on its controller method (method security is on).</li>
 * <li>{@code /api/**} (the batch endpoint, imports): WRITE.</li>
 * <li>everything else: any valid key.</li>
 * </ul>
 * No sessions, no cookies, hence no CSRF token: every request authenticates itself.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class PipelensSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PipelensSecurityConfiguration.class);

    @Bean
    public AccessPolicy pipelensAccessPolicy(SecurityProperties properties, Environment environment) {
        ApiKeys keys;
        try {
            keys = ApiKeys.of(properties.keys());
        } catch (ViolationException e) {
            throw new IllegalStateException("Invalid API key configuration: " + e.getMessage(), e);
        }
        SecurityProperties.Mode mode = properties.mode() != null ? properties.mode()
                : keys.isEmpty() ? SecurityProperties.Mode.OPEN : SecurityProperties.Mode.KEYS;
        String service = environment.getProperty("spring.application.name", "this service");
        if (mode == SecurityProperties.Mode.KEYS && keys.isEmpty()) {
            throw new IllegalStateException("pipelens.security.mode=keys but no key is configured: set "
                    + "pipelens.security.keys[0].name, .role and .sha256 (see docs/operations.md, Security)");
        }
        if (mode == SecurityProperties.Mode.OPEN && !keys.isEmpty()) {
            throw new IllegalStateException("pipelens.security.mode=open but " + keys.size() + " API keys are "
                    + "configured: remove the keys, or set pipelens.security.mode=keys (or leave the mode unset)");
        }
        if (mode == SecurityProperties.Mode.OPEN) {
            refuseOpenNetworkUnlessAllowed(properties, environment, service);
            log.warn("{} runs OPEN: no API keys are configured, so anyone who can reach it may read, write and "
                    + "administer it. Configure keys to require them: pipelens.security.keys[0].name=..., "
                    + ".role=READ|WRITE|ADMIN, .sha256=<SHA-256 of the key, hex> (docs/operations.md, Security).",
                    service);
        } else {
            log.info("{} requires API keys: {} configured", service, keys.size());
        }
        return new AccessPolicy(mode, keys);
    }

    /**
     * Open mode on an address other machines can reach would let any of them read, write and replay: refused unless
     * {@code pipelens.security.allow-open-network=true} says it is meant.
     */
    private static void refuseOpenNetworkUnlessAllowed(SecurityProperties properties, Environment environment,
                                                       String service) {
        List<String> reachable = ListenAddresses.reachableFromOtherMachines(environment);
        if (reachable.isEmpty()) {
            return;
        }
        if (!properties.allowOpenNetwork()) {
            throw new OpenNetworkRefusedException(service, String.join(", ", reachable));
        }
        log.warn("{} runs OPEN on an address other machines can reach ({}), as pipelens.security.allow-open-network "
                + "allows", service, String.join(", ", reachable));
    }

    @Bean
    public SecurityFilterChain pipelensSecurityFilterChain(HttpSecurity http, AccessPolicy policy) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiKeyAuthenticationFilter(policy.keys(), policy.isOpen()),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "prometheus"))
                        .permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
                        .requestMatchers("/graphiql", "/graphiql/**", "/error").permitAll()
                        .requestMatchers("/api/**").hasRole(Role.WRITE.name())
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> AccessErrors.write(request, response,
                                HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "UNAUTHORIZED",
                                "An API key is required: " + AccessErrors.HOW_TO_AUTHENTICATE))
                        .accessDeniedHandler((request, response, e) -> AccessErrors.write(request, response,
                                HttpServletResponse.SC_FORBIDDEN, "Forbidden", "FORBIDDEN",
                                request.getMethod() + " " + request.getRequestURI() + " needs "
                                        + required(request.getRequestURI()) + "; " + Caller.describe())));
        return http.build();
    }

    /** The role the rules above require for a refused path: only ADMIN and WRITE rules can refuse a valid key. */
    private static String required(String uri) {
        return uri.contains("/actuator") ? "the ADMIN role" : uri.contains("/api/") ? "the WRITE role" : "a higher role";
    }

    /** The access mode in force and the keys. */
    public record AccessPolicy(SecurityProperties.Mode mode, ApiKeys keys) {

        public boolean isOpen() {
            return mode == SecurityProperties.Mode.OPEN;
        }
    }
}
