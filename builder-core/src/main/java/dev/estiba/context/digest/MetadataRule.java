package dev.estiba.context.digest;

/**
 * Ownership and mode of copied entries, as {@code --chown} and {@code --chmod} decide them: the engine resolves
 * user and group names to numbers before building the rule.
 *
 * @param uid  owner of every copied entry
 * @param gid  group of every copied entry
 * @param mode what happens to permission bits
 */
public record MetadataRule(long uid, long gid, ModeRule mode) {
    /** Docker's default without flags: root-owned, modes as in the context. */
    public static final MetadataRule DEFAULT = new MetadataRule(0, 0, ModeRule.KEEP);
}
