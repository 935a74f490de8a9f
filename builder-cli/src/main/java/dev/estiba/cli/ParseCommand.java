package dev.estiba.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.estiba.grammar.BuildkitDump;
import dev.estiba.grammar.DockerfileParseException;
import dev.estiba.grammar.DockerfileParser;
import dev.estiba.grammar.TreeOutline;
import dev.estiba.grammar.tree.Dockerfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code estiba parse}: prints the syntax tree of Dockerfiles as JSON, an outline, or BuildKit's parser dump. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
        "Parse Dockerfiles and print their syntax tree.",
        "Exit codes: 0 all parsed, 2 a file could not be read or parsed (file:line:column: message)."
    })
public final class ParseCommand implements Runnable {

    /** The output formats. */
    enum Format { json, tree, buildkit }

    @Option(names = "--format", defaultValue = "tree", paramLabel = "FORMAT",
            description = "json (our syntax tree, docs/parse/syntax-tree.schema.json), tree (an outline for people), "
                    + "buildkit (BuildKit's parser dump). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dockerfiles to parse; - reads standard input.")
    List<String> files;

    @Spec
    CommandSpec spec;

    /** Standard input; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<Dockerfile> parsed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : files) {
            try {
                parsed.add(DockerfileParser.parse(name, read(name)));
            } catch (DockerfileParseException e) {
                errors.add(e.render());
            } catch (InputException e) {
                errors.add(e.getMessage());
            }
        }
        try {
            print(out, parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        if (!errors.isEmpty()) {
            throw new InputException(String.join("\n", errors));
        }
    }

    private byte[] read(String name) {
        try {
            return name.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage());
        }
    }

    private void print(PrintWriter out, List<Dockerfile> parsed) throws IOException {
        boolean several = files.size() > 1;
        switch (format) {
            case json -> {
                ValidUnicodeWriter valid = new ValidUnicodeWriter(out);
                JsonGenerator g = new JsonFactory().createGenerator(valid);
                g.useDefaultPrettyPrinter();
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                if (several) {
                    g.writeStartArray();
                }
                for (Dockerfile d : parsed) {
                    SyntaxTreeJson.write(g, d);
                }
                if (several) {
                    g.writeEndArray();
                }
                g.flush();
                valid.close(); // a trailing lone surrogate; does not close out
                if (!parsed.isEmpty() || several) {
                    out.println();
                }
            }
            case tree -> parsed.forEach(d -> out.print(TreeOutline.of(d)));
            case buildkit -> {
                for (Dockerfile d : parsed) {
                    if (several) {
                        out.println("==> " + d.sourceName() + " <==");
                    }
                    out.print(BuildkitDump.dump(d));
                }
            }
        }
    }
}
