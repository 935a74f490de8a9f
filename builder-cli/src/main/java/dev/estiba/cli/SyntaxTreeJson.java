package dev.estiba.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.estiba.grammar.tree.ArgDeclaration;
import dev.estiba.grammar.tree.ArgList;
import dev.estiba.grammar.tree.Arguments;
import dev.estiba.grammar.tree.Comment;
import dev.estiba.grammar.tree.Directive;
import dev.estiba.grammar.tree.Dockerfile;
import dev.estiba.grammar.tree.ExecForm;
import dev.estiba.grammar.tree.Flag;
import dev.estiba.grammar.tree.HealthcheckArguments;
import dev.estiba.grammar.tree.Heredoc;
import dev.estiba.grammar.tree.Instruction;
import dev.estiba.grammar.tree.JsonString;
import dev.estiba.grammar.tree.KeyValue;
import dev.estiba.grammar.tree.KeyValueList;
import dev.estiba.grammar.tree.NoArguments;
import dev.estiba.grammar.tree.OnbuildTrigger;
import dev.estiba.grammar.tree.PlainText;
import dev.estiba.grammar.tree.Position;
import dev.estiba.grammar.tree.ShellForm;
import dev.estiba.grammar.tree.SourceRange;
import dev.estiba.grammar.tree.Word;
import dev.estiba.grammar.tree.WordList;
import java.io.IOException;

/** Writes a syntax tree as the JSON that docs/parse/syntax-tree.schema.json describes. */
final class SyntaxTreeJson {
    private SyntaxTreeJson() {
    }

    static void write(JsonGenerator g, Dockerfile f) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", f.sourceName());
        g.writeStringField("escape", String.valueOf(f.escape()));
        range(g, "range", f.range());
        g.writeArrayFieldStart("directives");
        for (Directive d : f.directives()) {
            g.writeStartObject();
            g.writeStringField("name", d.name());
            g.writeStringField("value", d.value());
            g.writeStringField("original", d.original());
            range(g, "range", d.range());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("instructions");
        for (Instruction in : f.instructions()) {
            instruction(g, in);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("comments");
        for (Comment c : f.comments()) {
            comment(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("emptyContinuationLines");
        for (Position p : f.emptyContinuationLines()) {
            position(g, p);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void instruction(JsonGenerator g, Instruction in) throws IOException {
        g.writeStartObject();
        g.writeStringField("keyword", in.keyword().name());
        g.writeStringField("keywordText", in.keywordText());
        range(g, "keywordRange", in.keywordRange());
        g.writeArrayFieldStart("flags");
        for (Flag fl : in.flags()) {
            g.writeStartObject();
            g.writeStringField("name", fl.name());
            if (fl.value().isPresent()) {
                g.writeStringField("value", fl.value().get());
            } else {
                g.writeNullField("value");
            }
            g.writeStringField("text", fl.text());
            g.writeStringField("original", fl.original());
            range(g, "range", fl.range());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("arguments");
        arguments(g, in.arguments());
        g.writeArrayFieldStart("heredocs");
        for (Heredoc h : in.heredocs()) {
            g.writeStartObject();
            g.writeStringField("delimiter", h.delimiter());
            g.writeBooleanField("quoted", h.quoted());
            g.writeBooleanField("stripTabs", h.stripTabs());
            if (h.fileDescriptor().isPresent()) {
                g.writeNumberField("fileDescriptor", h.fileDescriptor().getAsInt());
            } else {
                g.writeNullField("fileDescriptor");
            }
            g.writeStringField("word", h.word());
            g.writeStringField("body", h.body());
            range(g, "range", h.range());
            range(g, "bodyRange", h.bodyRange());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("comments");
        for (Comment c : in.comments()) {
            comment(g, c);
        }
        g.writeEndArray();
        g.writeStringField("line", in.line());
        g.writeStringField("original", in.original());
        range(g, "range", in.range());
        g.writeEndObject();
    }

    private static void arguments(JsonGenerator g, Arguments a) throws IOException {
        g.writeStartObject();
        if (a instanceof ExecForm exec) {
            g.writeStringField("kind", "exec");
            g.writeArrayFieldStart("items");
            for (JsonString s : exec.items()) {
                g.writeStartObject();
                g.writeStringField("value", s.value());
                g.writeStringField("raw", s.raw());
                range(g, "range", s.range());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (a instanceof ShellForm) {
            g.writeStringField("kind", "shell");
        } else if (a instanceof PlainText) {
            g.writeStringField("kind", "text");
        } else if (a instanceof WordList words) {
            g.writeStringField("kind", "words");
            g.writeArrayFieldStart("words");
            for (Word w : words.words()) {
                word(g, w);
            }
            g.writeEndArray();
        } else if (a instanceof KeyValueList kvs) {
            g.writeStringField("kind", "keyValues");
            g.writeBooleanField("legacy", kvs.legacy());
            g.writeArrayFieldStart("pairs");
            for (KeyValue kv : kvs.pairs()) {
                g.writeStartObject();
                g.writeStringField("key", kv.key());
                g.writeStringField("value", kv.value());
                g.writeStringField("text", kv.text());
                range(g, "range", kv.range());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (a instanceof ArgList args) {
            g.writeStringField("kind", "args");
            g.writeArrayFieldStart("declarations");
            for (ArgDeclaration d : args.declarations()) {
                g.writeStartObject();
                g.writeStringField("name", d.name());
                if (d.defaultValue().isPresent()) {
                    g.writeStringField("default", d.defaultValue().get());
                } else {
                    g.writeNullField("default");
                }
                g.writeStringField("text", d.text());
                range(g, "range", d.range());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (a instanceof HealthcheckArguments hc) {
            g.writeStringField("kind", "healthcheck");
            g.writeFieldName("type");
            word(g, hc.type());
            g.writeFieldName("command");
            arguments(g, hc.command());
        } else if (a instanceof OnbuildTrigger t) {
            g.writeStringField("kind", "onbuild");
            g.writeFieldName("trigger");
            instruction(g, t.trigger());
        } else if (a instanceof NoArguments) {
            g.writeStringField("kind", "none");
        }
        g.writeStringField("text", a.text());
        range(g, "range", a.range());
        g.writeEndObject();
    }

    private static void word(JsonGenerator g, Word w) throws IOException {
        g.writeStartObject();
        g.writeStringField("text", w.text());
        range(g, "range", w.range());
        g.writeEndObject();
    }

    private static void comment(JsonGenerator g, Comment c) throws IOException {
        g.writeStartObject();
        g.writeStringField("text", c.text());
        g.writeStringField("original", c.original());
        g.writeBooleanField("insideInstruction", c.insideInstruction());
        range(g, "range", c.range());
        g.writeEndObject();
    }

    private static void range(JsonGenerator g, String name, SourceRange r) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeFieldName("start");
        position(g, r.start());
        g.writeFieldName("end");
        position(g, r.end());
        g.writeEndObject();
    }

    private static void position(JsonGenerator g, Position p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("line", p.line());
        g.writeNumberField("column", p.column());
        g.writeNumberField("offset", p.offset());
        g.writeEndObject();
    }
}
