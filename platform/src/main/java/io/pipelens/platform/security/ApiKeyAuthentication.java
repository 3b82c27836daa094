package io.pipelens.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authenticated caller: a configured API key, or everyone when the service runs open. Carries the authorities of
 * its role and of every role that role implies.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /** The principal name of callers of a service that runs open. */
    public static final String OPEN_ACCESS = "open-access";

    private final String name;
    private final Role role;

    private ApiKeyAuthentication(String name, Role role) {
        super(role.impliedAuthorities());
        this.name = name;
        this.role = role;
        setAuthenticated(true);
    }

    static ApiKeyAuthentication of(ApiKeys.ApiKey key) {
        return new ApiKeyAuthentication(key.name(), key.role());
    }

    static ApiKeyAuthentication openAccess() {
        return new ApiKeyAuthentication(OPEN_ACCESS, Role.ADMIN);
    }

    public Role role() {
        return role;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }
}
