/*
 * Tokens of one logical Dockerfile line: the physical lines are already joined at their continuations
 * and comment lines dropped (LogicalLineReader does that in one linear pass, which also finds the
 * heredoc bodies that follow a line). The line is trimmed before it gets here.
 *
 * Modes follow BuildKit's split of a line:
 *   DEFAULT_MODE  the keyword: everything up to the first run of [ \t\v\f\r]
 *   FLAGS         "--name[=value]" words; quotes and backslashes may protect blanks inside a flag.
 *                 The first word that does not start with "--" starts the rest of the line (REST).
 *   ARGUMENTS     after a bare "--": the rest of the line, whatever it starts with
 *   JSON          entered by the driver (InstructionReader) to read an exec-form array from REST
 *
 * No semantic predicates: the lexer DFA is cached, so lexing is linear and fast.
 */
lexer grammar InstructionLexer;

KEYWORD : ~[ \t\u000B\f\r]+ -> mode(FLAGS) ;

// Only reached when the driver hands over an untrimmed line; kept so the lexer accepts any input.
LEADING_BLANK : [ \t\u000B\f\r]+ ;

mode FLAGS;

// BuildKit's flag scanner tests bytes with unicode.IsSpace, which includes \n, NEL and NBSP.
BLANK : FLAG_SPACE+ ;

// "--" alone ends the flags; the rest of the line is the arguments, even if it starts with "--".
END_OF_FLAGS : '--' -> mode(ARGUMENTS) ;

FLAG : '--' FLAG_PART+ ;

// The first character of the first word that does not begin with "--" (FLAG and END_OF_FLAGS win on length
// where a word does). The arguments run from here to the end of the line; the parser stops at this token,
// so the rest of the line is never lexed: reading it is BuildKit's per-instruction rule (InstructionReader).
REST : ~[\t\n\u000B\f\r \u0085\u00A0] ;

fragment FLAG_SPACE : [\t\n\u000B\f\r \u0085\u00A0] ;

// A quote left open runs to the end of the line, and a backslash at the very end is dropped (BuildKit keeps
// the word). Inside quotes a backslash always takes the next character, so `'c\'d'` is one quoted part.
fragment FLAG_PART
    : ~[\t\n\u000B\f\r \u0085\u00A0'"\\]
    | '\\' ( . | EOF )
    | '\'' ( ~['\\] | '\\' . )* ( '\'' | '\\'? EOF )
    | '"' ( ~["\\] | '\\' . )* ( '"' | '\\'? EOF )
    ;

mode ARGUMENTS;

ARG_BLANK : FLAG_SPACE+ ;

// As REST: the first character of the arguments after a bare "--".
ARG_REST : ~[\t\n\u000B\f\r \u0085\u00A0] ;

mode JSON;

// Go's encoding/json: only these four are white space.
J_WS : [ \t\n\r]+ -> channel(HIDDEN) ;
J_OPEN : '[' ;
J_CLOSE : ']' ;
J_OBJECT_OPEN : '{' ;
J_OBJECT_CLOSE : '}' ;
J_COMMA : ',' ;
J_COLON : ':' ;
J_TRUE : 'true' ;
J_FALSE : 'false' ;
J_NULL : 'null' ;
J_STRING : '"' ( '\\' ["\\/bfnrt] | '\\u' HEX HEX HEX HEX | ~["\\\u0000-\u001F] )* '"' ;
J_NUMBER : '-'? ( '0' | [1-9] [0-9]* ) ( '.' [0-9]+ )? ( [eE] [+\-]? [0-9]+ )? ;
// Anything else makes the JSON invalid; the parser then sees a token it does not expect.
J_OTHER : . ;

fragment HEX : [0-9a-fA-F] ;
