package io.pipelens.platform.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an API key may do. The roles are ordered: ADMIN implies WRITE, which implies READ, so an integration that
 * records deals can also read what it recorded, and one admin key is enough to run the whole system.
 */
public enum Role {
    /** Analytics and deal queries. */
    READ,
    /** Deal commands: GraphQL deal mutations, the batch endpoint, imports. */
    WRITE,
    /** Defining and redefining pipelines, replays, every Actuator endpoint. */
    ADMIN;

    /** The Spring Security authority of this role alone, as {@code hasRole('ADMIN')} checks it. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role's authority and those of every role it implies. */
    public List<GrantedAuthority> impliedAuthorities() {
        return Arrays.stream(values())
                .filter(role -> role.ordinal() <= ordinal())
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    /** The highest role among granted authorities, or null when there is none. */
    public static Role highestOf(Iterable<? extends GrantedAuthority> authorities) {
        Role highest = null;
        for (GrantedAuthority granted : authorities) {
            for (Role role : values()) {
                if (role.authority().equals(granted.getAuthority()) && (highest == null || role.compareTo(highest) > 0)) {
                    highest = role;
                }
            }
        }
        return highest;
    }
}
