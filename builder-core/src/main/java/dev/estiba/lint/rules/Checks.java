package dev.estiba.lint.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every check, in the order they run. */
public final class Checks {
    private Checks() {
    }

    /** The built-in checks, plus ShellCheck when a binary is given. */
    public static List<Check> all(Path shellcheck) {
        List<Check> out = new ArrayList<>(List.of(
            new InstructionErrors(), new StageNames(), new InstructionCasing(), new EmptyContinuations(), new CommandForms(), new Maintainer(),
            new FromImage(), new Workdirs(), new UndefinedVars(), new SingleInstructions(), new KeyValues(),
            new Expose(), new Onbuild(), new Order(), new Copies(), new Users(), new Labels(), new Descriptions(),
            new IgnoredFiles(), new PackageManagers(), new LanguagePackages(), new ShellCommands()));
        if (shellcheck != null) {
            out.add(new ShellCheck(shellcheck));
        }
        return out;
    }
}
