package dev.estiba.build;

import dev.estiba.run.NetworkMode;

/**
 * Build-wide rules for RUN steps.
 *
 * @param network the network of steps that name none ({@code --network})
 * @param allowInsecure whether {@code RUN --security=insecure} may run ({@code --allow security.insecure})
 */
record RunPolicy(NetworkMode network, boolean allowInsecure) {
    static final RunPolicy DEFAULT = new RunPolicy(NetworkMode.DEFAULT, false);
}
