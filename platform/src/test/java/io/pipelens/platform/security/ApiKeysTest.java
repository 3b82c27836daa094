package io.pipelens.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String CRM_KEY = "crm-key-0123456789abcdef";
    private static final String ADMIN_KEY = "admin-key-0123456789abcdef";

    private static SecurityProperties.Key plain(String name, Role role, String key) {
        return new SecurityProperties.Key(name, key, null, role);
    }

    private static SecurityProperties.Key hashed(String name, Role role, String sha256) {
        return new SecurityProperties.Key(name, null, sha256, role);
    }

    @Test
    void findsAPlainKeyAndAHashedKeyByTheKeyItself() {
        ApiKeys keys = ApiKeys.of(List.of(plain("crm", Role.WRITE, CRM_KEY),
                hashed("ops", Role.ADMIN, ApiKeys.sha256Hex(ADMIN_KEY).toUpperCase())));

        assertThat(keys.find(CRM_KEY)).contains(new ApiKeys.ApiKey("crm", Role.WRITE));
        assertThat(keys.find(ADMIN_KEY)).contains(new ApiKeys.ApiKey("ops", Role.ADMIN));
        assertThat(keys.find(CRM_KEY + "x")).isEmpty();
        assertThat(keys.find(ApiKeys.sha256Hex(ADMIN_KEY))).as("the hash is not the key").isEmpty();
    }

    @Test
    void theHashIsSha256InHex() {
        assertThat(ApiKeys.sha256Hex("admin-key-0123456789abcdef"))
                .isEqualTo("1b3af7d2f1f3428ee7d76d5be730b93565efcf2ecbb7819caf9002bca23d4545");
    }

    @Test
    void eachRoleImpliesTheRolesBelowIt() {
        assertThat(Role.ADMIN.impliedAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_READ", "ROLE_WRITE", "ROLE_ADMIN");
        assertThat(Role.WRITE.impliedAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_READ", "ROLE_WRITE");
        assertThat(Role.READ.impliedAuthorities()).extracting(Object::toString).containsExactly("ROLE_READ");
        assertThat(Role.highestOf(Role.WRITE.impliedAuthorities())).isEqualTo(Role.WRITE);
    }

    @Test
    void refusesABrokenConfigurationNamingEveryBrokenProperty() {
        assertThatThrownBy(() -> ApiKeys.of(List.of(
                plain("crm", Role.WRITE, CRM_KEY),
                plain("crm", Role.READ, "short"),
                new SecurityProperties.Key("both", CRM_KEY, ApiKeys.sha256Hex(CRM_KEY), Role.READ),
                hashed("bad hash", null, "abc"),
                plain("copy", Role.ADMIN, CRM_KEY))))
                .isInstanceOfSatisfying(ViolationException.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("pipelens.security.keys[1].name", "'crm' names another key too"),
                        new Violation("pipelens.security.keys[1].key", "is 5 characters; at least 16 are required"),
                        new Violation("pipelens.security.keys[2].sha256",
                                "give either sha256 (the key's SHA-256, hex) or key, not both"),
                        new Violation("pipelens.security.keys[3].name",
                                "is required: 1 to 64 letters, digits, '.', '_', ':' or '-'"),
                        new Violation("pipelens.security.keys[3].role", "is required: READ, WRITE or ADMIN"),
                        new Violation("pipelens.security.keys[3].sha256",
                                "must be 64 hex digits (printf %s \"$KEY\" | sha256sum)"),
                        new Violation("pipelens.security.keys[4].key", "is the same key as another one")));
    }
}
