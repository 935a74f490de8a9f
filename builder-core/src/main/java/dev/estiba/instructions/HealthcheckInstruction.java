package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code HEALTHCHECK NONE}, or {@code HEALTHCHECK [options] CMD command}. Not expanded.
 *
 * @param check empty for {@code NONE}
 * @param origin where it came from
 */
public record HealthcheckInstruction(Optional<Check> check, Origin origin) implements Instruction {

    /**
     * A health check. Options not given are zero (the runtime's defaults then apply).
     *
     * @param command exec or shell form
     * @param interval {@code --interval}
     * @param timeout {@code --timeout}
     * @param startPeriod {@code --start-period}
     * @param startInterval {@code --start-interval}
     * @param retries {@code --retries}
     */
    public record Check(Command command, Duration interval, Duration timeout, Duration startPeriod,
                        Duration startInterval, int retries) {
        /** The config's {@code Test}: {@code ["CMD", args...]} or {@code ["CMD-SHELL", text]}. */
        public List<String> test() {
            if (command instanceof Command.Exec e) {
                return java.util.stream.Stream.concat(java.util.stream.Stream.of("CMD"), e.args().stream()).toList();
            }
            return List.of("CMD-SHELL", ((Command.Shell) command).text());
        }
    }

    @Override
    public Keyword keyword() {
        return Keyword.HEALTHCHECK;
    }
}
