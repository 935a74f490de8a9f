package dev.estiba.grammar.tree;

/**
 * What follows an instruction's keyword and flags, in the shape BuildKit's parser gives it for that instruction.
 *
 * <ul>
 *   <li>{@link ExecForm}: a JSON array of strings (RUN, CMD, ENTRYPOINT, SHELL, ADD, COPY, VOLUME, HEALTHCHECK CMD)
 *   <li>{@link ShellForm}: the rest of the line verbatim (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD)
 *   <li>{@link WordList}: words split on white space (FROM, EXPOSE, and ADD, COPY, VOLUME when not JSON)
 *   <li>{@link KeyValueList}: ENV and LABEL pairs
 *   <li>{@link ArgList}: ARG declarations
 *   <li>{@link PlainText}: one string (MAINTAINER, STOPSIGNAL, USER, WORKDIR)
 *   <li>{@link HealthcheckArguments}: HEALTHCHECK's type word and command
 *   <li>{@link OnbuildTrigger}: ONBUILD's nested instruction
 *   <li>{@link NoArguments}: nothing after the keyword and flags
 * </ul>
 */
public sealed interface Arguments extends Node
        permits ExecForm, ShellForm, WordList, KeyValueList, ArgList, PlainText, HealthcheckArguments,
                OnbuildTrigger, NoArguments {
    /** The arguments as written in the logical line (continuations joined, comment lines dropped). */
    String text();
}
