package dev.estiba.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content digest {@code algorithm:hex} as the OCI image spec defines it. Only the registered algorithms
 * {@code sha256} (64 lowercase hex digits) and {@code sha512} (128) are accepted, so a digest that exists is
 * always one we can verify.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {

    /** The algorithm estiba writes. */
    public static final String SHA256 = "sha256";
    public static final String SHA512 = "sha512";

    public Digest {
        int expected = switch (algorithm == null ? "" : algorithm) {
            case SHA256 -> 64;
            case SHA512 -> 128;
            default -> throw new InvalidDigestException("unsupported digest algorithm \"" + algorithm
                + "\" (expected sha256 or sha512)");
        };
        if (hex == null || hex.length() != expected || !hex.chars().allMatch(Digest::isLowerHex)) {
            throw new InvalidDigestException("invalid " + algorithm + " digest \"" + algorithm + ":" + hex
                + "\": expected " + expected + " lowercase hex digits");
        }
    }

    /** Parses {@code algorithm:hex}. */
    @JsonCreator
    public static Digest parse(String text) {
        if (text == null) {
            throw new InvalidDigestException("missing digest");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidDigestException("invalid digest \"" + text + "\": expected algorithm:hex");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The sha256 digest of some bytes. */
    public static Digest sha256(byte[] bytes) {
        MessageDigest md = newSha256();
        return new Digest(SHA256, HexFormat.of().formatHex(md.digest(bytes)));
    }

    /** Wraps a finished sha256 {@link MessageDigest}. */
    public static Digest ofSha256(byte[] rawDigest) {
        return new Digest(SHA256, HexFormat.of().formatHex(rawDigest));
    }

    /** A fresh sha256 hasher. */
    public static MessageDigest newSha256() {
        return newHasher(SHA256);
    }

    /** A fresh hasher for this digest's algorithm, to verify content against it. */
    public MessageDigest newHasher() {
        return newHasher(algorithm);
    }

    /** Whether a finished hash equals this digest. */
    public boolean matches(byte[] rawDigest) {
        return hex.equals(HexFormat.of().formatHex(rawDigest));
    }

    private static MessageDigest newHasher(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.equals(SHA256) ? "SHA-256" : "SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** {@code algorithm:hex}. */
    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    /** The first 12 hex digits, as docker shows image ids. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(Digest o) {
        return toString().compareTo(o.toString());
    }
}
