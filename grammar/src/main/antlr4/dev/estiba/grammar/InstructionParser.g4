/*
 * The structure of one logical Dockerfile line (see InstructionLexer): a keyword, flags, and the rest.
 * How the rest is read (JSON array, words, key=value pairs, one string) depends on the keyword and is
 * BuildKit's per-instruction rule; InstructionReader applies it, using jsonArray below for exec form.
 */
parser grammar InstructionParser;

options { tokenVocab = InstructionLexer; }

// No EOF: the parser stops at the first character of the arguments (REST, ARG_REST), or at the end.
instruction
    : LEADING_BLANK? KEYWORD flag* arguments
    ;

flag
    : BLANK FLAG
    ;

arguments
    : BLANK END_OF_FLAGS ARG_BLANK? ARG_REST?   # afterEndOfFlags
    | BLANK REST                                # rest
    | BLANK?                                    # noArguments
    ;

// An exec-form array. Only a valid array whose items are all strings is exec form; a valid array with
// another item is an error, and anything that is not valid JSON falls back to the non-JSON rule.
jsonArray
    : J_OPEN ( jsonValue ( J_COMMA jsonValue )* )? J_CLOSE EOF
    ;

jsonValue
    : J_STRING                                                                              # jsonString
    | ( J_NUMBER | J_TRUE | J_FALSE | J_NULL )                                              # jsonScalar
    | J_OPEN ( jsonValue ( J_COMMA jsonValue )* )? J_CLOSE                                  # jsonNestedArray
    | J_OBJECT_OPEN ( J_STRING J_COLON jsonValue ( J_COMMA J_STRING J_COLON jsonValue )* )? J_OBJECT_CLOSE  # jsonObject
    ;
