package dev.estiba.instructions;

import dev.estiba.grammar.tree.Heredoc;
import dev.estiba.grammar.tree.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code RUN [--mount=...]... [--network=N] [--security=S] [--device=D]... command}. The command is
 * not expanded by the builder; {@code --mount} option values are (all but {@code from}).
 *
 * @param command exec or shell form
 * @param mounts the {@code --mount} values as written, parsed
 * @param network {@code default}, {@code none} or {@code host}
 * @param security {@code sandbox} or {@code insecure}
 * @param devices the {@code --device} values
 * @param heredocs the heredocs the command opens
 * @param origin where it came from
 */
public record RunInstruction(Command command, List<Mount> mounts, Optional<String> network,
                             Optional<String> security, List<String> devices, List<Heredoc> heredocs,
                             Origin origin) implements Instruction {
    public RunInstruction {
        mounts = List.copyOf(mounts);
        devices = List.copyOf(devices);
        heredocs = List.copyOf(heredocs);
    }

    @Override
    public Keyword keyword() {
        return Keyword.RUN;
    }

    @Override
    public RunInstruction expand(Expander expander) {
        Expansions x = new Expansions(origin, expander);
        List<Mount> expanded = new ArrayList<>();
        for (Mount m : mounts) {
            expanded.add(x.check(() -> Mount.parse(m.text(), x::word)));
        }
        return new RunInstruction(command, expanded, network, security, devices, heredocs, origin);
    }
}
