package io.pipelens.platform.security;

import io.pipelens.kernel.Violation;
import io.pipelens.kernel.ViolationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured API keys, held as SHA-256 hashes only. A presented key is hashed and compared with every stored hash
 * in constant time, so neither the configuration nor the comparison gives a key away.
 */
public final class ApiKeys {

    /** Shortest plain key accepted: shorter ones can be guessed. */
    static final int MIN_KEY_LENGTH = 16;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Checks the configured keys and keeps their hashes. Refuses the whole configuration, naming each broken
     * property, so that a service never starts with some of its keys silently ignored.
     */
    public static ApiKeys of(List<SecurityProperties.Key> keys) {
        List<Violation> violations = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            SecurityProperties.Key key = keys.get(i);
            String field = "pipelens.security.keys[" + i + "]";
            if (key.name() == null || !NAME.matcher(key.name()).matches()) {
                violations.add(new Violation(field + ".name", "is required: 1 to 64 letters, digits, '.', '_', ':' or '-'"));
            } else if (!names.add(key.name())) {
                violations.add(new Violation(field + ".name", "'" + key.name() + "' names another key too"));
            }
            if (key.role() == null) {
                violations.add(new Violation(field + ".role", "is required: READ, WRITE or ADMIN"));
            }
            boolean plain = key.key() != null && !key.key().isBlank();
            boolean hashed = key.sha256() != null && !key.sha256().isBlank();
            String hash = null;
            if (plain == hashed) {
                violations.add(new Violation(field + ".sha256", "give either sha256 (the key's SHA-256, hex) or key, not "
                        + (plain ? "both" : "neither")));
            } else if (hashed && !SHA256_HEX.matcher(key.sha256().trim()).matches()) {
                violations.add(new Violation(field + ".sha256", "must be 64 hex digits (printf %s \"$KEY\" | sha256sum)"));
            } else if (plain && key.key().length() < MIN_KEY_LENGTH) {
                violations.add(new Violation(field + ".key", "is " + key.key().length() + " characters; at least "
                        + MIN_KEY_LENGTH + " are required"));
            } else {
                hash = hashed ? key.sha256().trim().toLowerCase() : sha256Hex(key.key());
                if (!hashes.add(hash)) {
                    violations.add(new Violation(field + (hashed ? ".sha256" : ".key"), "is the same key as another one"));
                }
            }
            if (hash != null && key.role() != null && key.name() != null) {
                entries.add(new Entry(new ApiKey(key.name(), key.role()), HexFormat.of().parseHex(hash)));
            }
        }
        if (!violations.isEmpty()) {
            throw new ViolationException(violations);
        }
        return new ApiKeys(List.copyOf(entries));
    }

    /** The key's name and role, or empty when the presented key is none of the configured ones. */
    public Optional<ApiKey> find(String presented) {
        byte[] hash = sha256(presented);
        ApiKey found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.key();
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Who a key belongs to and what it may do. */
    public record ApiKey(String name, Role role) {
    }

    private record Entry(ApiKey key, byte[] hash) {
    }
}
