package dev.estiba.instructions;

import dev.estiba.grammar.tree.Keyword;
import java.util.ArrayList;
import java.util.List;

/** {@code EXPOSE port[/proto] ...}. Each word expands and splits, so one variable may give several ports. */
public record ExposeInstruction(List<String> ports, Origin origin) implements Instruction {
    public ExposeInstruction {
        ports = List.copyOf(ports);
    }

    @Override
    public Keyword keyword() {
        return Keyword.EXPOSE;
    }

    /** The ports, parsed (after expansion). */
    public List<PortSpec> specs() {
        return ports.stream().map(PortSpec::parse).toList();
    }

    @Override
    public ExposeInstruction expand(Expander expander) {
        Expansions x = new Expansions(origin, expander);
        List<String> out = new ArrayList<>();
        for (String p : ports) {
            out.addAll(x.words(p));
        }
        for (String p : out) {
            x.check(() -> PortSpec.parse(p));
        }
        return new ExposeInstruction(out, origin);
    }
}
