package io.pipelens.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The current request's caller, for role checks inside a handler and for refusal messages that say who was refused. */
public final class Caller {

    private Caller() {
    }

    /** Whether the current caller holds the role (directly or through a higher one). */
    public static boolean has(Role role) {
        return has(SecurityContextHolder.getContext().getAuthentication(), role);
    }

    public static boolean has(Authentication caller, Role role) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(granted -> role.authority().equals(granted.getAuthority()));
    }

    /** "the key 'crm' has WRITE", or "no API key was given". */
    public static String describe() {
        return describe(SecurityContextHolder.getContext().getAuthentication());
    }

    public static String describe(Authentication caller) {
        if (caller == null || !caller.isAuthenticated() || caller.getAuthorities().isEmpty()) {
            return "no API key was given";
        }
        Role role = Role.highestOf(caller.getAuthorities());
        return "the key '" + caller.getName() + "' has " + (role == null ? "no role" : role.name());
    }
}
